import { describe, expect, it } from 'vitest';
import { locallyFiltered, memoryIntakeLimits, type IntakeLimits } from './shared-rate-limit.js';

const SIZES = { perClient: 3, perAddress: 5, windowMs: 60_000 };
const T0 = Date.parse('2024-02-22T09:00:00Z');

/** The shared buckets (as another process would also see them), counting the round trips to them. */
function counted(): IntakeLimits & { asked: number } {
  const shared = memoryIntakeLimits(SIZES);
  const c = { asked: 0, take: (client: string, address: string, nowMs: number) => (c.asked++, shared.take(client, address, nowMs)) };
  return c;
}

describe('locallyFiltered', () => {
  it('answers as the shared buckets do, but asks them only while this process has seen no refusal', async () => {
    const shared = counted();
    const limits = locallyFiltered(shared, SIZES);
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push((await limits.take('phone', 'addr', T0 + i)).allowed);
    expect(answers).toEqual([true, true, true, false, false, false, false, false, false, false]);
    expect(shared.asked).toBe(3);
    // 20 s later one token is back (3 a minute), here and in the shared store alike.
    expect((await limits.take('phone', 'addr', T0 + 20_010)).allowed).toBe(true);
    expect(shared.asked).toBe(4);
  });

  it('a refusal by the shared store (the client used its share elsewhere) costs no local token', async () => {
    const shared = counted();
    for (let i = 0; i < 3; i++) await shared.take('phone', 'addr', T0); // another process took them all
    const limits = locallyFiltered(shared, SIZES);
    const refused = await limits.take('phone', 'addr', T0 + 1);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    // Still full here: at the refill the shared store is asked again, and allows.
    expect((await limits.take('phone', 'addr', T0 + 20_010)).allowed).toBe(true);
  });

  it('the address bucket filters locally too', async () => {
    const shared = counted();
    const limits = locallyFiltered(shared, SIZES);
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push((await limits.take(`ua-${i}`, 'addr', T0)).allowed);
    expect(answers).toEqual([true, true, true, true, true, false, false]);
    expect(shared.asked).toBe(5); // the 6th and 7th refused here, without a round trip
  });
});
