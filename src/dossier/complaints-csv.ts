// The complaints CSV. On PostgreSQL the server writes it whole (csvCopyStatement, at the end).
// On SQLite (and wherever csvPages is used) it is read as its lines: the store joins each run of
// a record's fields between two times (concat_ws), so a row holds 7 values, not 19. Making
// a JavaScript string of each value was most of a read's cost (SQLite: ~4.5 µs a row for 19,
// ~2 µs for these 7; Postgres's driver ~3.4 and ~2). A record that needs quoting shows in the
// joined line (csvLineOfJoined's check) and is read again in full and written by csv-stringify
// (csvRecordLine).
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { CSV_SOURCE_COLUMNS, csvLineOfJoined, csvRecordLine } from '../presenters/report.js';
import { inlineParameters } from '../store/inline-literals.js';
import type { Store } from '../store/index.js';
import type { Database } from '../store/schema.js';
import { asEpochMs, exportComplaints, orderedExportQuery, reportValues, type ComplaintFilter, type ExportSelection } from './complaints.js';
import type { Membership } from './membership.js';

/** A text column, null as '' (as csv-stringify writes null): concat_ws would drop a null, and a field with it. */
const text = (column: string): RawBuilder<string> => sql<string>`coalesce(${sql.ref(column)}, '')`;
/** A 0/1 column as csvRecordOf writes it. */
const flag = (column: string): RawBuilder<string> => sql<string>`case when ${sql.ref(column)} = 1 then 'true' else 'false' end`;
const joined = (fields: RawBuilder<string>[]) => sql<string>`concat_ws(',', ${sql.join(fields)})`;
const HAS_CONTACT = sql<boolean>`(${text('contact_name')} <> '' or ${text('contact_email')} <> '' or ${text('contact_phone')} <> '')`;

/** What csvLineOfJoined reads: csvRecordOf's record from CSV_SOURCE_COLUMNS, but each run of fields between two times joined by the store. */
export function csvSelection(db: Kysely<Database>, withContact: boolean): ExportSelection {
  const middle = joined([text('carrier'), text('network'), sql`replace(${text('services')}, ',', ';')`, flag('sos_mode'), text('zip'), text('county'), text('state')]);
  // With contact, a record shows its contact whenever it has one, so it is never "redacted".
  const contact = withContact
    ? [text('contact_name'), text('contact_email'), text('contact_phone'), sql<string>`'false'`]
    : [sql<string>`''`, sql<string>`''`, sql<string>`''`, sql<string>`case when ${HAS_CONTACT} then 'true' else 'false' end`];
  const tail = joined([text('called_carrier'), text('description'), text('source'), flag('consent_to_contact'), ...contact]);
  return {
    select: [asEpochMs(db, 'id'), asEpochMs(db, 'reference'), asEpochMs(db, 'received_at'), middle.as('csv_middle'), 'started_at', 'ended_at', tail.as('csv_tail')],
    id: 0,
    receivedAt: 2,
  };
}

/** The CSV's records (no header), a page of lines at a time, in the table's order. */
export async function* csvPages(store: Store, m: Membership, f: ComplaintFilter, withContact: boolean): AsyncGenerator<string[]> {
  for await (const page of exportComplaints(store, m, f, csvSelection(store.db, withContact))) {
    const lines = page.map(csvLineOfJoined);
    const quoted = page.filter((_, k) => lines[k] === undefined).map((r) => r[0] as string);
    if (quoted.length) {
      const values = new Map((await reportValues(store, quoted, CSV_SOURCE_COLUMNS)).map((v) => [v[0] as string, v]));
      // A report gone since the page was read (purged) is left out, as a page read a moment later would.
      for (let k = 0; k < page.length; k++) if (lines[k] === undefined) lines[k] = values.has(page[k]![0] as string) ? csvRecordLine(values.get(page[k]![0] as string)!, withContact) : '';
    }
    yield lines as string[];
  }
}

// PostgreSQL writes the whole CSV itself: COPY (the export's query) TO STDOUT WITH (FORMAT csv).
// Its CSV quotes a field holding the delimiter, the quote, CR or LF and doubles its quotes, as
// csv-stringify does; it also quotes a value equal to its NULL text (''), so '' is written as
// NULL (nullif), which csv-stringify writes as nothing too. Times as toISOString writes them,
// flags as true/false, CSV_COLUMNS' order: csvRecordOf's record field for field (the fuzz test
// in test/api/dossier-export-csv.test.ts holds it to csv-stringify's bytes).

/** A text value as csv-stringify writes it: null and '' alike unquoted empty. */
const copyText = (column: string): RawBuilder<unknown> => sql`nullif(${sql.ref(column)}, '')`;
/**
 * A timestamptz as toISOString writes it: UTC, milliseconds (to_char's MS truncates, as a Date
 * does microseconds), Z. A year outside 1-9999 as toISOString writes it too: signed, six digits
 * (+010000), 1 BC as 0000 and 2 BC as -000001.
 */
function copyTime(column: string): RawBuilder<unknown> {
  const utc = sql`(${sql.ref(column)} at time zone 'UTC')`;
  const year = sql`extract(year from ${utc})::int`; // 1 BC is -1
  return sql`case when ${sql.ref(column)} >= '0001-01-01 00:00:00+00' and ${sql.ref(column)} < '10000-01-01 00:00:00+00' then to_char(${utc}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    else case when ${year} > 9999 then '+' || lpad(${year}::text, 6, '0') when ${year} = -1 then '0000' else '-' || lpad((-${year} - 1)::text, 6, '0') end
      || to_char(${utc}, '-MM-DD"T"HH24:MI:SS.MS"Z"') end`;
}

/** CSV_COLUMNS' values as csvRecordOf makes them, from a report's columns. */
function copyColumns(withContact: boolean): RawBuilder<unknown>[] {
  // With contact a record shows its contact whenever it has one (so it is never "redacted"; without one its fields are empty anyway).
  const contact = withContact
    ? [copyText('contact_name'), copyText('contact_email'), copyText('contact_phone'), sql`'false'`]
    : [sql`null`, sql`null`, sql`null`, sql`case when ${HAS_CONTACT} then 'true' else 'false' end`];
  return [
    copyText('id'), copyText('reference'), copyTime('received_at'), copyText('carrier'), copyText('network'), sql`nullif(replace(${sql.ref('services')}, ',', ';'), '')`,
    flag('sos_mode'), copyText('zip'), copyText('county'), copyText('state'), copyTime('started_at'), copyTime('ended_at'), copyText('called_carrier'),
    copyText('description'), copyText('source'), flag('consent_to_contact'), ...contact,
  ];
}

/** The CSV's records (no header) as one COPY statement, its filter and membership written in as literals (COPY takes no parameters). */
export function csvCopyStatement(db: Kysely<Database>, m: Membership, f: ComplaintFilter, withContact: boolean): string {
  const q = orderedExportQuery(db, m, f, copyColumns(withContact));
  return `COPY (${inlineParameters(q.sql, q.parameters)}) TO STDOUT WITH (FORMAT csv)`;
}
