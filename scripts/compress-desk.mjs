// Writes gzip and brotli variants beside the desk build's text files (dist/desk/assets), so the
// server sends them precompressed without compressing the 800 kB atlas at every start.
import fs from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = 'dist/desk/assets';
for (const name of fs.readdirSync(dir)) {
  if (!/\.(js|css|json|svg)$/.test(name)) continue;
  const file = path.join(dir, name);
  const body = fs.readFileSync(file);
  fs.writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
  fs.writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
  const size = (f) => fs.statSync(f).size;
  console.log(`${name}: ${size(file)} B, gzip ${size(`${file}.gz`)} B, brotli ${size(`${file}.br`)} B`);
}
