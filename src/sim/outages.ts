// Reports caused by an injected outage. A primary outage's reporters are its network's
// customers ticking its services (SOS mode for voice), saying it started near the onset.
// A collateral spike's reporters are customers of another network who could not reach the
// primary network's customers, so most name that network's brand as `calledCarrier`.
import {
  everydayCalled, fingerprint, iso, MINUTE, outageEnded, outageServices, outageStart, outageText,
} from './content.js';
import { minuteRate, curveLength } from './curves.js';
import { geography, type CountyPlace } from './geography.js';
import { brandPicker } from './market.js';
import type { Rng, WeightedPicker } from './random.js';
import type { Service, SimReport, TruthOutage } from './types.js';

const COLLATERAL_SERVICES: Service[][] = [['voice'], ['voice'], ['voice', 'sms'], ['sms'], ['voice', 'sms', 'data']];

export class OutageStream {
  readonly onsetMs: number;
  readonly lastMs: number;
  private readonly endMs: number;
  private readonly counties: WeightedPicker<CountyPlace>;
  private readonly brands: WeightedPicker<string>;
  private readonly calledBrands: WeightedPicker<string> | undefined;
  private readonly voice: boolean;

  constructor(
    private readonly outage: TruthOutage,
    primaryNetwork: string | undefined,
  ) {
    this.onsetMs = Date.parse(outage.onsetAt);
    this.endMs = Date.parse(outage.endAt);
    this.lastMs = this.onsetMs + Math.ceil(curveLength(outage.curve)) * MINUTE;
    this.counties = geography().countyPicker(outage.scope);
    this.brands = brandPicker(outage.network, outage.brandShares);
    this.calledBrands = primaryNetwork ? brandPicker(primaryNetwork) : undefined;
    this.voice = outage.services.includes('voice');
  }

  expectedIn(minuteMs: number): number {
    if (minuteMs < this.onsetMs || minuteMs >= this.lastMs) return 0;
    return minuteRate(this.outage.curve, (minuteMs - this.onsetMs) / MINUTE);
  }

  emit(minuteMs: number, count: number, rng: Rng, out: SimReport[]): void {
    const collateral = this.outage.kind === 'collateral';
    for (let n = 0; n < count; n++) {
      const county = this.counties.pick(rng);
      const startedMs = outageStart(this.onsetMs, minuteMs, rng);
      out.push({
        carrier: this.brands.pick(rng),
        services: collateral ? rng.pick(COLLATERAL_SERVICES) : outageServices(this.outage.services, rng),
        sosMode: !collateral && this.voice && rng.chance(0.7),
        zip: rng.pick(county.zips),
        startedAt: iso(startedMs),
        endedAt: outageEnded(this.endMs, startedMs, minuteMs, rng),
        calledCarrier: this.calledCarrier(rng),
        description: outageText(rng),
        consentToContact: rng.chance(0.2),
        receivedAt: '',
        fingerprint: fingerprint(rng),
      });
    }
  }

  private calledCarrier(rng: Rng): string | null {
    if (this.calledBrands) return rng.chance(this.outage.calledShare ?? 0.8) ? this.calledBrands.pick(rng) : null;
    return everydayCalled(rng);
  }
}
