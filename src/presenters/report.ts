// The only shape of a report that leaves the API. Contact details leave only when the caller
// asked for them and may read them (the command decides and audits); otherwise the report
// says whether it has any (`contactRedacted`), so an investigator knows to ask.
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { storedDate, storedDateOrNull, type StoredReportRow, type StoredTime } from '../store/index.js';

export interface ReportContact {
  name: string | null;
  email: string | null;
  phone: string | null;
}

export interface ReportView {
  id: string;
  reference: string;
  receivedAt: string;
  carrier: string;
  network: string;
  services: string[];
  sosMode: boolean;
  zip: string;
  county: string;
  state: string;
  startedAt: string;
  endedAt: string | null;
  calledCarrier: string | null;
  calledNetwork: string | null;
  description: string;
  source: string;
  fingerprint: string;
  consentToContact: boolean;
  contact: ReportContact | null;
  contactRedacted: boolean;
}

export const hasContact = (r: Pick<StoredReportRow, 'contact_name' | 'contact_email' | 'contact_phone'>): boolean => Boolean(r.contact_name || r.contact_email || r.contact_phone);

/** A stored report as presented (its idempotency key and request hash never leave). */
export type PresentableReport = Omit<StoredReportRow, 'idempotency_key' | 'request_hash'>;

export function presentReport(r: PresentableReport, withContact: boolean): ReportView {
  const show = withContact && hasContact(r);
  return {
    id: r.id,
    reference: r.reference,
    receivedAt: storedDate(r.received_at).toISOString(),
    carrier: r.carrier,
    network: r.network,
    services: r.services ? r.services.split(',') : [],
    sosMode: r.sos_mode === 1,
    zip: r.zip,
    county: r.county,
    state: r.state,
    startedAt: storedDate(r.started_at).toISOString(),
    endedAt: storedDateOrNull(r.ended_at)?.toISOString() ?? null,
    calledCarrier: r.called_carrier,
    calledNetwork: r.called_network,
    description: r.description,
    source: r.source,
    fingerprint: r.fingerprint,
    consentToContact: r.consent_to_contact === 1,
    contact: show ? { name: r.contact_name, email: r.contact_email, phone: r.contact_phone } : null,
    contactRedacted: !show && hasContact(r),
  };
}

/** The columns of the complaints CSV, in order; contact columns are empty in a redacted export. */
export const CSV_COLUMNS = [
  'id', 'reference', 'receivedAt', 'carrier', 'network', 'services', 'sosMode', 'zip', 'county', 'state', 'startedAt', 'endedAt',
  'calledCarrier', 'description', 'source', 'consentToContact', 'contactName', 'contactEmail', 'contactPhone', 'contactRedacted',
] as const;

/**
 * The stored columns the exports read, in the order the functions below take them as one array
 * (a bulk read's row): every column but the idempotency key and request hash.
 */
export const EXPORT_COLUMNS = [
  'id', 'reference', 'received_at', 'carrier', 'network', 'services', 'sos_mode', 'zip', 'county', 'state', 'started_at', 'ended_at',
  'called_carrier', 'called_network', 'description', 'source', 'fingerprint', 'consent_to_contact', 'contact_name', 'contact_email', 'contact_phone',
] as const;
/** One report as EXPORT_COLUMNS' (or CSV_SOURCE_COLUMNS') values. */
export type ExportValues = unknown[];
type Col<K extends keyof StoredReportRow> = StoredReportRow[K];

/** The exported values as the stored row they are (presentReport reads that). */
export function exportedReport(v: ExportValues): PresentableReport {
  return {
    id: v[0] as Col<'id'>, reference: v[1] as Col<'reference'>, received_at: v[2] as Col<'received_at'>, carrier: v[3] as Col<'carrier'>,
    network: v[4] as Col<'network'>, services: v[5] as Col<'services'>, sos_mode: v[6] as Col<'sos_mode'>, zip: v[7] as Col<'zip'>,
    county: v[8] as Col<'county'>, state: v[9] as Col<'state'>, started_at: v[10] as Col<'started_at'>, ended_at: v[11] as Col<'ended_at'>,
    called_carrier: v[12] as Col<'called_carrier'>, called_network: v[13] as Col<'called_network'>, description: v[14] as Col<'description'>,
    source: v[15] as Col<'source'>, fingerprint: v[16] as Col<'fingerprint'>, consent_to_contact: v[17] as Col<'consent_to_contact'>,
    contact_name: v[18] as Col<'contact_name'>, contact_email: v[19] as Col<'contact_email'>, contact_phone: v[20] as Col<'contact_phone'>,
  };
}

/** The stored columns the CSV reads: CSV_COLUMNS' sources, in that order (csvRecordOf takes them as one array). */
export const CSV_SOURCE_COLUMNS = [
  'id', 'reference', 'received_at', 'carrier', 'network', 'services', 'sos_mode', 'zip', 'county', 'state', 'started_at', 'ended_at',
  'called_carrier', 'description', 'source', 'consent_to_contact', 'contact_name', 'contact_email', 'contact_phone',
] as const;

/** "2024-02-22T12:00:" of each minute met lately: an export's times come in order, a few minutes apart per column. */
const minutePrefixes = new Map<number, string>();

/**
 * A stored time as toISOString writes it, without a Date per value: the minute's prefix is
 * formatted once, the seconds and milliseconds appended (a third of the CSV record's cost was
 * its three Dates).
 */
export function isoTime(v: StoredTime): string {
  if (v instanceof Date) return v.toISOString();
  const ms = Math.trunc(Number(v)); // as a Date takes it: a float8 from Postgres may carry a fraction
  const minute = Math.floor(ms / 60_000);
  let prefix = minutePrefixes.get(minute);
  if (prefix === undefined) {
    if (minutePrefixes.size >= 10_000) minutePrefixes.clear();
    prefix = new Date(minute * 60_000).toISOString().slice(0, -'00.000Z'.length);
    minutePrefixes.set(minute, prefix);
  }
  const rest = ms - minute * 60_000;
  const s = Math.floor(rest / 1000);
  const milli = rest - s * 1000;
  return `${prefix}${s < 10 ? '0' : ''}${s}.${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
}

/**
 * One CSV record in CSV_COLUMNS order, straight from the CSV_SOURCE_COLUMNS values (the same
 * values as presentReport's, without building the view or a row object): an array, so the CSV
 * writer maps no keys.
 */
export function csvRecordOf(v: ExportValues, withContact: boolean): (string | null)[] {
  const has = Boolean(v[16] || v[17] || v[18]);
  const show = withContact && has;
  const services = v[5] as string;
  return [
    v[0] as string, v[1] as string, isoTime(v[2] as StoredTime), v[3] as string, v[4] as string, services ? services.replaceAll(',', ';') : '', Number(v[6]) === 1 ? 'true' : 'false',
    v[7] as string, v[8] as string, v[9] as string, isoTime(v[10] as StoredTime), v[11] === null ? null : isoTime(v[11] as StoredTime), v[12] as string | null, v[13] as string, v[14] as string,
    Number(v[15]) === 1 ? 'true' : 'false', show ? (v[16] as string | null) : null, show ? (v[17] as string | null) : null, show ? (v[18] as string | null) : null,
    !show && has ? 'true' : 'false',
  ];
}

/**
 * What csv-stringify (its default options, which the export uses: `,` between fields, `"` to
 * quote and to escape, `\n` after each record, no formula escaping) quotes or alters in a string
 * field, but the comma; any other string it writes as it is, and null as nothing.
 */
const CSV_QUOTED_BUT_COMMA = /["\r\n]/;
/** A field csvLineOfJoined cannot write as csv-stringify would (neither a string nor null): it makes the line fail the check below. */
const NOT_PLAIN = '"';
const plain = (x: unknown): string => (typeof x === 'string' ? x : x === null ? '' : NOT_PLAIN);
const CSV_FIELDS = 20;

/** Whether a record joined with commas is the line csv-stringify writes: no field needed quoting (a comma in one shows as one too many). */
const isPlainCsv = (line: string): boolean => !CSV_QUOTED_BUT_COMMA.test(line) && commas(line) === CSV_FIELDS - 1;

function commas(s: string): number {
  let n = 0;
  for (let at = s.indexOf(','); at !== -1; at = s.indexOf(',', at + 1)) n++;
  return n;
}

/** A record that needs quoting (a comma, quote or line break in a field): csvRecordOf's record as csv-stringify, the export's definition, writes it. */
export function csvRecordLine(v: ExportValues, withContact: boolean): string {
  return stringifyCsv([csvRecordOf(v, withContact)]);
}

/**
 * The line csv-stringify writes for a record, from the values the store joined (csvSelection in
 * dossier/complaints-csv.ts: id, reference, received_at, carrier…state joined, started_at,
 * ended_at, called_carrier…contactRedacted joined), or undefined when a field needs quoting (or
 * a value is not the plain string the check reads): the caller reads that record's values and
 * writes it with csvRecordLine.
 */
export function csvLineOfJoined(v: unknown[]): string | undefined {
  const ended = v[5] === null ? '' : isoTime(v[5] as StoredTime);
  const line = `${plain(v[0])},${plain(v[1])},${isoTime(v[2] as StoredTime)},${plain(v[3])},${isoTime(v[4] as StoredTime)},${ended},${plain(v[6])}`;
  return isPlainCsv(line) ? `${line}\n` : undefined;
}
