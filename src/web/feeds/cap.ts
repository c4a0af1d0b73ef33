// One CAP 1.2 alert (OASIS Common Alerting Protocol) per public incident, for emergency managers
// and 911 centres. msgType follows the incident: Alert while only suspected, Update once
// confirmed, Cancel when resolved (with `references` to the first Alert). No CAP library is
// packaged for Node; the document is a fixed template whose every value goes through xml().
import type { PublicIncident } from '../../status/index.js';
import type { Messages } from '../i18n/index.js';
import { stateNameOf } from '../status/atlas.js';
import { whereWords, incidentWords } from '../status/words.js';
import { placeName } from '../status/atlas.js';

export const CAP_NS = 'urn:oasis:names:tc:emergency:cap:1.2';

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** CAP's dateTime: no fractional seconds, an explicit offset ("-00:00" for UTC). */
export const capTime = (iso: string): string => `${new Date(iso).toISOString().slice(0, 19)}-00:00`;

export type MsgType = 'Alert' | 'Update' | 'Cancel';
export const msgTypeOf = (i: PublicIncident): MsgType => (i.status === 'resolved' ? 'Cancel' : i.status === 'confirmed' ? 'Update' : 'Alert');

/** SAME codes: 0 + 5-digit county FIPS for a county; 0 + state FIPS + 000 for a whole state. */
const ALL_STATES = ['01', '02', '04', '05', '06', '08', '09', '10', '11', '12', '13', '15', '16', '17', '18', '19', '20', '21', '22', '23', '24', '25', '26', '27', '28', '29', '30', '31', '32', '33', '34', '35', '36', '37', '38', '39', '40', '41', '42', '44', '45', '46', '47', '48', '49', '50', '51', '53', '54', '55', '56'];
export function sameCodes(i: PublicIncident): string[] {
  if (i.scope.level === 'county') return i.scope.regions.map((c) => `0${c}`);
  const states = i.scope.level === 'state' ? i.scope.regions : ALL_STATES;
  return states.map((s) => `0${s}000`);
}

function areaDesc(m: Messages, i: PublicIncident): string {
  if (i.scope.level === 'nation') return 'United States';
  if (i.scope.level === 'state') return i.scope.regions.map(stateNameOf).join('; ');
  return i.scope.regions.slice(0, 50).map(placeName).join('; ') + (i.scope.regions.length > 50 ? `; ${whereWords(m, i)}` : '');
}

const severityOf = (i: PublicIncident): string => (i.services.includes('911') || i.scope.level === 'nation' ? 'Severe' : i.scope.level === 'state' ? 'Moderate' : 'Minor');

export interface CapContext {
  m: Messages;
  /** e.g. "outage-desk@status.example.gov" */
  sender: string;
  senderName: string;
  /** The status page's absolute URL. */
  web: string;
  timeZone: string;
}

const identifierOf = (sender: string, i: PublicIncident, type: MsgType): string => `${sender}:${i.id}:${type.toLowerCase()}`;

export function capAlert(i: PublicIncident, c: CapContext): string {
  const type = msgTypeOf(i);
  const sent = type === 'Cancel' ? i.resolvedAt! : i.detectedAt;
  const first = `${c.sender},${identifierOf(c.sender, i, 'Alert')},${capTime(i.detectedAt)}`;
  const words = incidentWords(c.m, i, c.timeZone, Date.parse(sent));
  const count = i.reports.count === null ? '' : ` ${c.m.status.reportsCount(i.reports.count)}.`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<alert xmlns="${CAP_NS}">`,
    `  <identifier>${xml(identifierOf(c.sender, i, type))}</identifier>`,
    `  <sender>${xml(c.sender)}</sender>`,
    `  <sent>${capTime(sent)}</sent>`,
    '  <status>Actual</status>',
    `  <msgType>${type}</msgType>`,
    '  <scope>Public</scope>',
    ...(type === 'Alert' ? [] : [`  <references>${xml(first)}</references>`]),
    '  <info>',
    `    <language>${xml(c.m.locale)}</language>`,
    '    <category>Infra</category>',
    `    <event>${xml(`${i.networkName} ${c.m.feed.title.toLowerCase()}`)}</event>`,
    `    <responseType>${type === 'Cancel' ? 'AllClear' : 'Monitor'}</responseType>`,
    `    <urgency>${type === 'Cancel' ? 'Past' : 'Immediate'}</urgency>`,
    `    <severity>${type === 'Cancel' ? 'Minor' : severityOf(i)}</severity>`,
    `    <certainty>${i.status === 'suspected' ? 'Likely' : 'Observed'}</certainty>`,
    `    <onset>${capTime(i.onsetAt)}</onset>`,
    `    <senderName>${xml(c.senderName)}</senderName>`,
    `    <headline>${xml(words.slice(0, 160))}</headline>`,
    `    <description>${xml(`${words}.${count}`)}</description>`,
    `    <instruction>${xml(c.m.status.advice.join(' '))}</instruction>`,
    `    <web>${xml(c.web)}</web>`,
    '    <area>',
    `      <areaDesc>${xml(areaDesc(c.m, i))}</areaDesc>`,
    ...sameCodes(i).map((code) => `      <geocode><valueName>SAME</valueName><value>${code}</value></geocode>`),
    '    </area>',
    '  </info>',
    '</alert>',
  ];
  return `${lines.join('\n')}\n`;
}
