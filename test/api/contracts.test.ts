// Contracts in one place, checked: the README's error table lists exactly the catalogue's codes;
// every /api/v1 operation documents its success response; the docs' example bodies are valid
// requests (the report example is accepted by the server).
import fs from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContractRef } from '../../src/http/contract-types.js';
import { PROBLEMS } from '../../src/problems/index.js';
import { startTestApp, type TestApp } from '../support/app.js';

const README = new URL('../../README.md', import.meta.url);

function readmeErrorTable(): Map<string, number> {
  const text = fs.readFileSync(README, 'utf8');
  const section = text.slice(text.indexOf('### Errors'), text.indexOf('\n## ', text.indexOf('### Errors')));
  const rows = [...section.matchAll(/^\| `([a-z-]+)` \| (\d{3}) \|/gm)];
  return new Map(rows.map((m) => [m[1]!, Number(m[2])]));
}

describe('error catalogue', () => {
  it('is what the README lists, code for code and status for status', () => {
    const table = readmeErrorTable();
    expect([...table.keys()].sort()).toEqual(Object.keys(PROBLEMS).sort());
    for (const [code, p] of Object.entries(PROBLEMS)) expect(table.get(code), code).toBe(p.status);
  });
});

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: object }> }>; requestBody?: { content?: Record<string, { schema?: object; examples?: Record<string, { value: unknown }>; example?: unknown }> } };

describe('OpenAPI document', () => {
  let t: TestApp;
  let doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, object> } };
  beforeAll(async () => {
    t = await startTestApp('sqlite');
    doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
  });
  afterAll(async () => t.destroy());

  const operations = () => Object.entries(doc.paths).filter(([p]) => p.startsWith('/api/v1')).flatMap(([p, ops]) => Object.entries(ops).map(([m, op]) => ({ name: `${m.toUpperCase()} ${p}`, op })));

  it('documents a success response schema for every /api/v1 operation', () => {
    const missing = operations().filter(({ op }) =>
      !Object.entries(op.responses ?? {}).some(([code, r]) => code === '204' || (/^2/.test(code) && Object.values(r.content ?? {}).some((c) => c.schema && Object.keys(c.schema).length > 0))));
    expect(operations().length).toBeGreaterThan(15);
    expect(missing.map((m) => m.name)).toEqual([]);
  });

  it('has example request bodies that validate against their own schemas', () => {
    const ajv = (addFormatsModule as unknown as (a: Ajv) => Ajv)(new Ajv({ strict: false }));
    for (const [name, schema] of Object.entries(doc.components.schemas)) ajv.addSchema({ ...schema, $id: `#/components/schemas/${name}` });
    let checked = 0;
    for (const { name, op } of operations()) {
      const body = op.requestBody?.content?.['application/json'];
      if (!body?.schema) continue;
      const examples = [...Object.values(body.examples ?? {}).map((e) => e.value), ...(body.example === undefined ? [] : [body.example])];
      expect(examples.length, `${name} has an example`).toBeGreaterThan(0);
      const validate = ajv.compile(body.schema);
      for (const ex of examples) {
        expect(validate(ex), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('has every component schema resolved in the types the desk reads (src/http/contract-types.ts)', () => {
    const resolved = ['AlertDelivery', 'AlertSubscription', 'CaseFile', 'Claim', 'ClaimAssessment', 'Impact', 'IncidentDetail', 'IncidentItem', 'Problem', 'PublicIncident', 'PublicStatus', 'Report', 'Statement', 'Token', 'User', 'ZipCheck'] as const satisfies readonly ContractRef[];
    // …and the list names every $id the types resolve, so it cannot fall behind them either.
    const complete: [Exclude<ContractRef, (typeof resolved)[number]>] extends [never] ? true : false = true;
    expect(complete).toBe(true);
    expect(Object.keys(doc.components.schemas).sort()).toEqual([...resolved].sort());
  });

  it('has a report example the server accepts', async () => {
    const body = doc.paths['/api/v1/reports']!.post!.requestBody!.content!['application/json']!;
    const example = Object.values(body.examples ?? {})[0]?.value ?? body.example;
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/reports', payload: example as object });
    expect(res.statusCode).toBe(201);
  });
});
