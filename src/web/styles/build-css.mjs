// Builds src/web/assets/outage-desk.css from outage-desk.scss: only the USWDS packages the
// public pages use, compiled with the package's own Sass, plus the few icons that CSS names.
// The output is committed, so serving and tests need no Sass; rerun after changing the .scss:
//   node src/web/styles/build-css.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as sass from 'sass';

const here = path.dirname(fileURLToPath(import.meta.url));
const uswds = path.resolve(here, '../../../node_modules/@uswds/uswds');
const assets = path.resolve(here, '../assets');

const result = sass.compile(path.join(here, 'outage-desk.scss'), {
  loadPaths: [here, path.join(uswds, 'packages')],
  style: 'compressed',
  quietDeps: true,
  silenceDeprecations: ['import', 'global-builtin'],
});
const css = result.css.replace(/^\uFEFF/, '');
fs.writeFileSync(path.join(assets, 'outage-desk.css'), `${css}\n`);

// Copy exactly the images the stylesheet refers to (/assets/img/...), from the USWDS dist.
const images = new Set([...css.matchAll(/url\("?\/assets\/img\/([^")]+)"?\)/g)].map((m) => m[1]));
for (const rel of images) {
  const to = path.join(assets, 'img', rel);
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(path.join(uswds, 'dist/img', rel), to);
}
console.log(`outage-desk.css: ${css.length} bytes, ${images.size} images`);
