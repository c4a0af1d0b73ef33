// The staff desk build: Preact + TypeScript into dist/desk, served by src/web/desk-app.ts
// under a strict CSP (no inline script or style), so nothing may be inlined into index.html.
// Paths are relative to the project root, where npm runs `vite build --config desk/vite.config.ts`.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'desk',
  base: '/desk/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  css: {
    preprocessorOptions: {
      // USWDS's own Sass, with only the packages desk.scss forwards.
      scss: { loadPaths: ['src/web/styles', 'node_modules/@uswds/uswds/packages'], quietDeps: true, silenceDeprecations: ['import', 'global-builtin'] },
    },
  },
  build: {
    outDir: '../dist/desk',
    emptyOutDir: true,
    // The polyfill is an inline script; every browser the desk supports has modulepreload.
    modulePreload: { polyfill: false },
    // Nothing is inlined as a data: URL (img-src 'self' only), and the atlas stays a file of its own.
    assetsInlineLimit: 0,
    target: 'es2022',
  },
});
