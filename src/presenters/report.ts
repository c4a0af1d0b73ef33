// The only shape of a report that leaves the API. Contact details leave only when the caller
// asked for them and may read them (the command decides and audits); otherwise the report
// says whether it has any (`contactRedacted`), so an investigator knows to ask.
import { storedDate, storedDateOrNull, type StoredReportRow } from '../store/index.js';

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

export function presentReport(r: StoredReportRow, withContact: boolean): ReportView {
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

/** What a CSV record is made from: the stored report without its fingerprint and request keys. */
export type CsvSourceRow = Pick<StoredReportRow, 'id' | 'reference' | 'received_at' | 'carrier' | 'network' | 'services' | 'sos_mode' | 'zip' | 'county'
  | 'state' | 'started_at' | 'ended_at' | 'called_carrier' | 'description' | 'source' | 'consent_to_contact' | 'contact_name' | 'contact_email' | 'contact_phone'>;

const iso = (v: StoredReportRow['received_at']) => (v instanceof Date ? v : new Date(Number(v))).toISOString();

/**
 * One CSV record in CSV_COLUMNS order, straight from the stored row (the same values as
 * presentReport's, without building the view): an array, so the CSV writer maps no keys.
 */
export function csvRecordOf(r: CsvSourceRow, withContact: boolean): (string | null)[] {
  const has = Boolean(r.contact_name || r.contact_email || r.contact_phone);
  const show = withContact && has;
  return [
    r.id, r.reference, iso(r.received_at), r.carrier, r.network, r.services ? r.services.replaceAll(',', ';') : '', r.sos_mode === 1 ? 'true' : 'false',
    r.zip, r.county, r.state, iso(r.started_at), r.ended_at === null ? null : iso(r.ended_at), r.called_carrier, r.description, r.source,
    r.consent_to_contact === 1 ? 'true' : 'false', show ? r.contact_name : null, show ? r.contact_email : null, show ? r.contact_phone : null,
    !show && has ? 'true' : 'false',
  ];
}
