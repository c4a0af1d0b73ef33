// The one rule of every public number: a count below PUBLIC_MIN_COUNT is not shown. Zero is
// suppressed as well, so "suppressed" never tells "a few people reported" from "nobody did".

export interface PublicCount {
  count: number | null;
  suppressed: boolean;
}

export function publicCount(n: number, minCount: number): PublicCount {
  return n >= minCount ? { count: n, suppressed: false } : { count: null, suppressed: true };
}

/** Rows (places) are listed only at or above the threshold: a row with a hidden count would still say "someone here reported". */
export function shownRows<T extends { count: number }>(rows: Iterable<T>, minCount: number): T[] {
  return [...rows].filter((r) => r.count >= minCount);
}
