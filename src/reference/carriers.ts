// Carrier registry: brands people report and the network that carries them.
// Shipped as data (carriers.json) so an office can add a brand without touching code.
import carriersJson from './carriers.json' with { type: 'json' };

export interface Carrier {
  id: string;
  name: string;
  network: string;
}

const registry: Carrier[] = carriersJson;
const byId = new Map(registry.map((c) => [c.id, c]));

export function listCarriers(): readonly Carrier[] {
  return registry;
}

export function findCarrier(id: string): Carrier | undefined {
  return byId.get(id);
}

/** The network a brand rides on, or undefined for an unknown brand. */
export function networkOf(carrierId: string): string | undefined {
  return byId.get(carrierId)?.network;
}

/** Every network with its brands, e.g. att -> [att, cricket]. */
export function networks(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of registry) out.set(c.network, [...(out.get(c.network) ?? []), c.id]);
  return out;
}
