import { describe, expect, it } from 'vitest';
import { DemoClock } from './demo-clock.js';

describe('the demo clock', () => {
  it('stands still before start, then runs `speed` times faster than real time', () => {
    const c = new DemoClock(1_000_000, 100);
    expect(c.now(5)).toBe(1_000_000);
    c.start(10);
    expect(c.now(20)).toBe(1_000_000 + 10 * 100);
    expect(c.realDelayUntil(1_000_000 + 3000, 20)).toBe(20);
  });

  it('waits at the hold for a sender that is behind, never runs backwards, and stops when frozen', () => {
    const c = new DemoClock(0, 1000);
    c.start(0);
    c.holdAt(5_000);
    expect(c.now(60)).toBe(5_000); // 60 s of simulated time ran, the sender is at 5 s
    c.holdAt(70_000);
    expect(c.now(60)).toBe(60_000);
    c.holdAt(10_000); // the hold may move back (an old report still unanswered); the clock does not
    expect(c.now(61)).toBe(60_000);
    c.holdAt(70_000);
    expect(c.now(61)).toBe(61_000);
    c.freeze(90_000);
    expect(c.now(500)).toBe(90_000);
  });
});
