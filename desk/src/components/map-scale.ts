// A sequential colour scale for report counts per county: bins on the 1-2-5 ladder up to the
// largest count (at most six), so the legend reads in round numbers.
export const NO_REPORTS = '#f0f0f0';
const COLOURS = ['#fee8c8', '#fdd49e', '#fdbb84', '#fc8d59', '#e34a33', '#b30000'];

export interface Bin {
  from: number;
  to: number | undefined; // undefined: and more
  colour: string;
}

export function binsFor(max: number): Bin[] {
  if (max < 1) return [];
  const ladder: number[] = [];
  for (let p = 1; p <= max; p *= 10) for (const m of [1, 2, 5]) if (m * p <= max) ladder.push(m * p);
  const step = Math.ceil(ladder.length / COLOURS.length);
  const starts = ladder.filter((_, i) => i % step === 0);
  const offset = COLOURS.length - starts.length; // few bins take the darker end, so small counts still show
  return starts.map((from, i) => ({ from, to: starts[i + 1] === undefined ? undefined : starts[i + 1]! - 1, colour: COLOURS[offset + i]! }));
}

export function colourOf(n: number | undefined, bins: Bin[]): string {
  if (!n) return NO_REPORTS;
  let c = NO_REPORTS;
  for (const b of bins) if (n >= b.from) c = b.colour;
  return c;
}

export const binLabel = (b: Bin): string => (b.to === undefined ? `${b.from.toLocaleString('en-US')} or more` : b.from === b.to ? b.from.toLocaleString('en-US') : `${b.from.toLocaleString('en-US')}–${b.to.toLocaleString('en-US')}`);
