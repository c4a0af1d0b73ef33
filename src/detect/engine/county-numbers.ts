// Dense numbers for the county FIPS codes met, shared by every network and by report batches:
// a county's key is then one read in a small table per network (a sparse array indexed by
// FIPS fell back to a hash table), and a batch carries the number instead of the string.

const denseByFips = new Int32Array(100_000).fill(-1);
let denseCount = 0;

/** A 5-digit FIPS code as a number, or -1 for anything else (looked up by string instead). */
export function fipsNumber(code: string): number {
  if (code.length !== 5) return -1;
  let n = 0;
  for (let i = 0; i < 5; i++) {
    const d = code.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** The county's dense number (given on first sight), or -1 for a code that is not 5 digits. */
export function denseCounty(code: string): number {
  const fips = fipsNumber(code);
  if (fips < 0) return -1;
  let d = denseByFips[fips]!;
  if (d < 0) denseByFips[fips] = d = denseCount++;
  return d;
}
