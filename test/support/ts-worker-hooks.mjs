// Module resolve hook for the test run: a worker thread the code under test starts from a `.js`
// file beside it (`new Worker(new URL('./x.js', import.meta.url))`, right for dist/) gets the
// `.ts` source when run from src/. tsx maps `.js` to `.ts` for imports, not for a worker's entry.
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (err) {
    if (err?.code !== 'ERR_MODULE_NOT_FOUND' || !specifier.startsWith('file:') || !specifier.endsWith('.js')) throw err;
    return next(specifier.replace(/\.js$/, '.ts'), context);
  }
}
