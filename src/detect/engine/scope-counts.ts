// Counts of a scope (one or several regions of one network) at one minute, and the
// region test the report log uses; small, shared by opening, ticking and collateral.
import type { NetworkCounts } from './network.js';
import type { Scope } from './types.js';

/** Reports of the network in the scope at one minute (0 once it left the ring). */
export function scopeObserved(net: NetworkCounts, scope: Scope, minute: number): number {
  if (scope.level === 'nation') return net.nation.at(minute);
  let sum = 0;
  if (scope.level === 'state') {
    for (const s of scope.regions) sum += net.states.get(s)?.at(minute) ?? 0;
  } else {
    for (const c of scope.regions) sum += net.counties.get(c)?.at(minute) ?? 0;
  }
  return sum;
}

/** Region test on the report log's numeric county and state ids. */
export function scopeFilter(scope: Scope): (county: number, state: number) => boolean {
  if (scope.level === 'nation') return () => true;
  const ids = new Set(scope.regions.map((r) => Number(r)));
  return scope.level === 'state' ? (_county, state) => ids.has(state) : (county) => ids.has(county);
}
