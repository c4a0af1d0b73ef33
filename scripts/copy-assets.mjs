// tsc compiles .ts only; data and web assets beside the sources (.json, .css, .svg, .js files
// served to browsers under src/web/assets) are copied to dist/ with the same layout.
import fs from 'node:fs';
import path from 'node:path';

const ASSET = /\.(json|css|svg|png|woff2?|ico|txt|html)$/;

function copy(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const from = path.join(dir, entry.name);
    if (entry.isDirectory()) copy(from);
    else if (ASSET.test(entry.name) || from.includes(`${path.sep}assets${path.sep}`)) {
      const to = path.join('dist', path.relative('src', from));
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(from, to);
    }
  }
}

copy('src');
