// COPY takes no bind parameters, so the export writes its filter into the statement
// (inline-literals.ts). On the real PostgreSQL server: any string (quotes, backslashes, `$1`,
// semicolons, comment marks, unicode) comes back from its literal as itself, a placeholder
// inside a quoted part of the query is left alone, and values of other types are refused.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestStore, type TestStoreLocation } from '../../test/support/stores.js';
import type { Store } from './index.js';
import { inlineParameters, sqlLiteral } from './inline-literals.js';

const pieces = ["'", "''", '\\', "\\'", '"', '$1', '$$', '$a$', ';', '--', '/*', '*/', 'E', "E'", '%', '_', 'é', '😀', '\u2028', '\ufeff', '\n', '\r', '\t', ' '];
// Postgres text holds no NUL, and a lone surrogate is not UTF-8.
const text = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 8 }).map((xs) => xs.join('').replaceAll('\u0000', ''));

describe('inlined parameters on postgres', () => {
  let store: Store;
  let location: TestStoreLocation;
  beforeAll(async () => ({ store, location } = await openTestStore('postgres')));
  afterAll(async () => {
    await store?.close();
    await location?.destroy();
  });

  const selected = async (statement: string): Promise<unknown[]> => (await sql.raw(statement).execute(store.db)).rows.map((r) => Object.values(r as object)[0]);

  it('a string literal is the string, whatever it holds', async () => {
    const strings = fc.sample(text, { numRuns: 400, seed: 11 });
    // One statement of many literals; each must come back as itself, in order.
    const values = await selected(strings.map((s, k) => `select ${k} as k, ${sqlLiteral(s)} as v`).join(' union all ').replace(/^/, 'select v from (').concat(') x order by k'));
    expect(values).toEqual(strings);
  });

  it('numbers, booleans, dates and null are literals of their type; anything else is refused', async () => {
    const [row] = (await sql.raw(`select ${sqlLiteral(-5)} - ${sqlLiteral(-5)} as n, ${sqlLiteral(2.5)}::float8 as f, ${sqlLiteral(true)} as b, ${sqlLiteral(new Date('2024-02-22T08:45:00.123Z'))} as t, ${sqlLiteral(null)} as z, ${sqlLiteral(12n)} as i`).execute(store.db)).rows as Record<string, unknown>[];
    expect(row).toEqual({ n: 0, f: 2.5, b: true, t: new Date('2024-02-22T08:45:00.123Z'), z: null, i: 12 });
    // Any year a Date holds (toISOString's +012000 and -000001 Postgres does not read), to the millisecond.
    for (const iso of ['+012000-03-04T05:06:07.089Z', '-000001-06-15T12:00:00.500Z', '0000-12-31T23:59:59.999Z', '0001-01-01T00:00:00.000Z', '1969-12-31T23:59:59.999Z']) {
      const ms = (await sql.raw(`select (extract(epoch from ${sqlLiteral(new Date(iso))}) * 1000)::float8 as ms`).execute(store.db)).rows[0] as { ms: number };
      expect(ms.ms, iso).toBe(Date.parse(iso));
    }
    for (const bad of [Number.NaN, Infinity, new Date(Number.NaN), {}, ['a'], Buffer.from('x'), Symbol('s')]) expect(() => sqlLiteral(bad)).toThrow(/SQL literal/);
  });

  it('replaces each placeholder by its parameter, and none inside quotes', async () => {
    const q = sql<{ a: string; b: string; c: string; d: number }>`select ${"it's $2"} as a, '$1' as b, ${'\\'} as "c$1", ${7} as d`.compile(store.db);
    const inlined = inlineParameters(q.sql, q.parameters);
    expect(inlined).toContain(`'$1' as b`);
    expect(inlined).toContain(`"c$1"`);
    expect((await sql.raw(inlined).execute(store.db)).rows).toEqual([{ a: "it's $2", b: '$1', c$1: '\\', d: 7 }]);
    expect(() => inlineParameters('select $2', ['x'])).toThrow(/\$2 of 1/);
  });

  it('over random strings, a compiled filter inlined finds exactly what it finds bound', async () => {
    await sql`create table probe (k int, v text)`.execute(store.db);
    const strings = [...new Set(fc.sample(text, { numRuns: 200, seed: 12 }))];
    await store.db.insertInto('probe' as never).values(strings.map((v, k) => ({ k, v })) as never).execute();
    for (const s of strings.slice(0, 60)) {
      const q = sql<{ k: number }>`select k from probe where v = ${s} or v like ${`%${s}%`} order by k`.compile(store.db);
      const bound = (await store.db.executeQuery(q)).rows;
      expect((await sql.raw(inlineParameters(q.sql, q.parameters)).execute(store.db)).rows, JSON.stringify(s)).toEqual(bound);
    }
    expect(Number((await sql<{ n: string }>`select count(*) as n from probe`.execute(store.db)).rows[0]!.n)).toBe(strings.length);
  });
});
