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

export const hasContact = (r: StoredReportRow): boolean => Boolean(r.contact_name || r.contact_email || r.contact_phone);

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
