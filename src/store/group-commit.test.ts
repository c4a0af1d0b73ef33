import { describe, expect, it } from 'vitest';
import { AbandonedError, GroupCommitter } from './group-commit.js';

/**
 * A fake commit that holds each batch until the test releases it, as a slow disk would: the
 * test decides when a commit ends instead of guessing with a timer.
 */
class HeldCommits {
  readonly batches: number[][] = [];
  readonly #held: Array<() => void> = [];
  #arrived: () => void = () => {};

  constructor(private readonly outcome: (batch: number[]) => number[] = (b) => b) {}

  readonly commit = async (batch: number[]): Promise<number[]> => {
    this.batches.push(batch);
    this.#arrived();
    await new Promise<void>((release) => this.#held.push(release));
    return this.outcome(batch);
  };

  /** Resolves once `n` commits have started. */
  async started(n: number): Promise<void> {
    while (this.batches.length < n) await new Promise<void>((arrived) => (this.#arrived = arrived));
  }

  /** Lets the oldest held commit finish. */
  release(): void {
    this.#held.shift()!();
  }
}

/** Whether a promise has settled yet, without waiting for it. */
function settled(p: Promise<unknown>): () => boolean {
  let done = false;
  p.then(() => (done = true), () => (done = true));
  return () => done;
}

describe('GroupCommitter', () => {
  it('commits requests that arrive together in one batch and answers each in order', async () => {
    const held = new HeldCommits();
    const gc = new GroupCommitter<number, string>({ commit: async (batch) => (await held.commit(batch)).map((n) => `ok${n}`) });
    const answers = Promise.all([1, 2, 3, 4].map((n) => gc.submit(n)));
    await held.started(1);
    held.release();
    expect(await answers).toEqual(['ok1', 'ok2', 'ok3', 'ok4']);
    expect(held.batches).toEqual([[1, 2, 3, 4]]);
  });

  it('batches what arrives while a commit runs into the next commit', async () => {
    const held = new HeldCommits();
    const gc = new GroupCommitter<number, number>({ commit: held.commit });
    const first = gc.submit(1);
    await held.started(1); // the first commit is running
    const later = [gc.submit(2), gc.submit(3)];
    held.release();
    await held.started(2);
    held.release();
    await Promise.all([first, ...later]);
    expect(held.batches).toEqual([[1], [2, 3]]);
  });

  it('does not answer before the commit ends, and a failed commit rejects the item at fault', async () => {
    const held = new HeldCommits((batch) => {
      if (batch.includes(13)) throw new Error('disk full');
      return batch;
    });
    const gc = new GroupCommitter<number, number>({ commit: held.commit });
    const one = gc.submit(1);
    const answered = settled(one);
    await held.started(1);
    await Promise.resolve();
    expect(answered()).toBe(false);
    held.release();
    await expect(one).resolves.toBe(1);
    const pair = Promise.allSettled([gc.submit(12), gc.submit(13)]);
    // The batch fails, then each item is committed alone: 12 alone succeeds, 13 alone fails.
    for (const n of [2, 3, 4]) {
      await held.started(n);
      held.release();
    }
    expect((await pair).map((a) => (a.status === 'fulfilled' ? a.value : (a.reason as Error).message))).toEqual([12, 'disk full']);
    const after = gc.submit(14);
    await held.started(5);
    held.release();
    await expect(after).resolves.toBe(14);
  });

  it('one item the database refuses does not fail the others of its batch', async () => {
    const batches: number[][] = [];
    const gc = new GroupCommitter<number, number>({
      commit: async (batch) => {
        batches.push(batch);
        if (batch.includes(13)) throw new Error('invalid byte sequence');
        return batch.map((n) => n * 10);
      },
    });
    const answers = await Promise.allSettled([12, 13, 14].map((n) => gc.submit(n)));
    expect(answers.map((a) => (a.status === 'fulfilled' ? a.value : (a.reason as Error).message))).toEqual([120, 'invalid byte sequence', 140]);
    expect(batches).toEqual([[12, 13, 14], [12], [13], [14]]);
    expect(gc.items).toBe(2);
  });

  it('drain waits for everything submitted', async () => {
    const done: number[] = [];
    const held = new HeldCommits((batch) => {
      done.push(...batch);
      return batch;
    });
    const gc = new GroupCommitter<number, number>({ commit: held.commit, maxBatch: 2 });
    void gc.submit(1);
    void gc.submit(2);
    void gc.submit(3);
    const drained = gc.drain();
    const isDrained = settled(drained);
    await held.started(1);
    held.release();
    await held.started(2);
    expect(isDrained()).toBe(false);
    held.release();
    await drained;
    expect(done).toEqual([1, 2, 3]);
  });

  it('does not commit an item whose client went away while it waited, and answers the rest', async () => {
    const held = new HeldCommits();
    const gc = new GroupCommitter<number, number>({ commit: held.commit });
    const first = gc.submit(1);
    await held.started(1); // a slow commit; meanwhile three more wait, one client hangs up
    let gone = false;
    const waiting = [gc.submit(2), gc.submit(3, () => gone), gc.submit(4)];
    gone = true;
    held.release();
    await held.started(2);
    held.release();
    const answers = await Promise.allSettled([first, ...waiting]);
    expect(answers.map((a) => (a.status === 'fulfilled' ? a.value : a.reason instanceof AbandonedError))).toEqual([1, 2, true, 4]);
    expect(held.batches).toEqual([[1], [2, 4]]);
    expect(gc.abandoned).toBe(1);
    await gc.drain();
  });

  it('a batch of only abandoned items commits nothing and drains', async () => {
    const held = new HeldCommits();
    const gc = new GroupCommitter<number, number>({ commit: held.commit });
    const lost = gc.submit(1, () => true);
    await expect(lost).rejects.toBeInstanceOf(AbandonedError);
    await gc.drain();
    expect(held.batches).toEqual([]);
  });
});

describe('the commit-time estimate', () => {
  it('comes down again when every item is dropped as too late for it, so intake does not stay shut', async () => {
    const commits: number[][] = [];
    const committer = new GroupCommitter<number, number>({ commit: async (b) => (commits.push(b), b) });
    committer.commitMs = 60_000; // one very slow commit (a lock, a stalled disk) was the last measured
    const tooLate = () => committer.commitMs > 500; // as intake's deadline check: answered past 500 ms
    const outcomes: string[] = [];
    for (let i = 0; i < 20 && !outcomes.includes('stored'); i++) {
      outcomes.push(await committer.submit(i, tooLate).then(() => 'stored', (e: unknown) => (e instanceof AbandonedError ? 'dropped' : 'failed')));
    }
    expect(outcomes.at(-1)).toBe('stored');
    expect(outcomes.filter((o) => o === 'dropped').length).toBeGreaterThan(0);
    expect(commits.length).toBe(1);
  });
});
