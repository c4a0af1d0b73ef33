// The only shape of a report that leaves the API. Contact details go to investigators and
// admins only; analysts see the same report with contact removed.
import type { Role } from '../staff/index.js';
import type { StoredReportRow } from '../store/index.js';

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
  contact: { name: string | null; email: string | null; phone: string | null } | null;
  contactRedacted: boolean;
}

export const mayReadContact = (role: Role): boolean => role === 'admin' || role === 'investigator';

export const hasContact = (r: StoredReportRow): boolean => Boolean(r.contact_name || r.contact_email || r.contact_phone);

export function presentReport(r: StoredReportRow, role: Role): ReportView {
  const showContact = mayReadContact(role);
  return {
    id: r.id,
    reference: r.reference,
    receivedAt: r.received_at.toISOString(),
    carrier: r.carrier,
    network: r.network,
    services: r.services ? r.services.split(',') : [],
    sosMode: r.sos_mode === 1,
    zip: r.zip,
    county: r.county,
    state: r.state,
    startedAt: r.started_at.toISOString(),
    endedAt: r.ended_at ? r.ended_at.toISOString() : null,
    calledCarrier: r.called_carrier,
    calledNetwork: r.called_network,
    description: r.description,
    source: r.source,
    fingerprint: r.fingerprint,
    consentToContact: r.consent_to_contact === 1,
    contact: showContact ? { name: r.contact_name, email: r.contact_email, phone: r.contact_phone } : null,
    contactRedacted: !showContact && hasContact(r),
  };
}
