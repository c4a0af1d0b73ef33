// CSV rows of reports as the objects a JSON client would send.
const BOOLEAN_COLUMNS = new Set(['sosMode', 'consentToContact']);
const NULLABLE_COLUMNS = new Set(['endedAt', 'calledCarrier']);

/**
 * A CSV row as the same object a JSON client would send: `services` split on ; or |,
 * `contact.email` style columns nested, booleans and empty nullables converted.
 */
export function csvRowToReport(header: string[], cells: string[]): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  const contact: Record<string, string> = {};
  header.forEach((name, i) => {
    const v = cells[i] ?? '';
    if (name.startsWith('contact.')) {
      if (v !== '') contact[name.slice(8)] = v;
    } else if (name === 'services') obj.services = v.split(/[;|]/).map((s) => s.trim()).filter(Boolean);
    else if (BOOLEAN_COLUMNS.has(name)) {
      if (v !== '') obj[name] = /^(true|1|yes)$/i.test(v) ? true : /^(false|0|no)$/i.test(v) ? false : v;
    } else if (NULLABLE_COLUMNS.has(name)) obj[name] = v === '' ? null : v;
    else if (v !== '') obj[name] = v;
  });
  if (Object.keys(contact).length > 0) obj.contact = contact;
  return obj;
}
