// Minimal RFC 4180 CSV: quoted fields, doubled quotes, commas and newlines inside quotes are
// not supported across lines (one report per line, which is what exports produce).
export function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}

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
