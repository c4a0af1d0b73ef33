// "Is it just me?": for one ZIP (and optionally one carrier), the open incidents that cover its
// county and how many people in that county reported in the last hour, per network. Pure.
import type { Carrier, ZipPlace } from '../reference/index.js';
import { covers, type PublicIncident, type PublicStatus } from './aggregate.js';
import { publicCount, type PublicCount } from './public-count.js';

export interface ZipCheck {
  zip: string;
  place: { county: string; countyName: string; state: string; stateAbbr: string; city: string };
  carrier: { id: string; name: string; network: string } | null;
  /** An open incident of the carrier's network (of any network without a carrier) covers the place. */
  covered: boolean;
  incidents: PublicIncident[];
  /** Reports from the ZIP's county in the last 60 minutes, per network. */
  nearby: Array<{ network: string; name: string; lastHour: PublicCount }>;
}

export function zipCheck(status: PublicStatus, place: ZipPlace, carrier: Carrier | undefined, countyLastHour: ReadonlyMap<string, number>): ZipCheck {
  const networks = status.carriers.filter((c) => !carrier || c.network === carrier.network);
  const incidents = status.incidents.filter((i) => i.status !== 'resolved' && covers(i, place.county) && (!carrier || i.network === carrier.network));
  return {
    zip: place.zip,
    place: { county: place.county, countyName: place.countyName, state: place.state, stateAbbr: place.stateAbbr, city: place.city },
    carrier: carrier ? { id: carrier.id, name: carrier.name, network: carrier.network } : null,
    covered: incidents.length > 0,
    incidents,
    nearby: networks.map((c) => ({ network: c.network, name: c.name, lastHour: publicCount(countyLastHour.get(c.network) ?? 0, status.minCount) })),
  };
}
