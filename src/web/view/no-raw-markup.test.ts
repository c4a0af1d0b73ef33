// Escaping by construction holds only while no component hands Preact raw markup: any use of
// dangerouslySetInnerHTML must go through one reviewed file, and today nothing needs it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../', import.meta.url));
const REVIEWED = new Set(['web/view/raw.tsx']);

function* sources(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(p);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.includes('.test.')) yield p;
  }
}

describe('view layer', () => {
  it('hands Preact no raw markup outside the reviewed helper', () => {
    const raw = [...sources(SRC)]
      .filter((f) => fs.readFileSync(f, 'utf8').includes('dangerouslySetInnerHTML'))
      .map((f) => path.relative(SRC, f).split(path.sep).join('/'))
      .filter((f) => !REVIEWED.has(f));
    expect(raw).toEqual([]);
  });
});
