import { describe, expect, it } from 'vitest';
import { GroupCommitter } from './group-commit.js';

describe('GroupCommitter', () => {
  it('commits requests that arrive together in one batch and answers each in order', async () => {
    const batches: number[][] = [];
    const gc = new GroupCommitter<number, string>({
      commit: async (batch) => {
        batches.push(batch);
        await new Promise((r) => setTimeout(r, 5));
        return batch.map((n) => `ok${n}`);
      },
    });
    const answers = await Promise.all([1, 2, 3, 4].map((n) => gc.submit(n)));
    expect(answers).toEqual(['ok1', 'ok2', 'ok3', 'ok4']);
    expect(batches).toEqual([[1, 2, 3, 4]]);
  });

  it('batches what arrives while a commit runs into the next commit', async () => {
    const batches: number[][] = [];
    const gc = new GroupCommitter<number, number>({
      commit: async (batch) => {
        batches.push(batch);
        await new Promise((r) => setTimeout(r, 20));
        return batch;
      },
    });
    const first = gc.submit(1);
    await new Promise((r) => setTimeout(r, 5)); // first commit is running
    const later = [gc.submit(2), gc.submit(3)];
    await Promise.all([first, ...later]);
    expect(batches).toEqual([[1], [2, 3]]);
  });

  it('does not answer before the commit ends, and a failed commit rejects the item at fault', async () => {
    let committed = false;
    const gc = new GroupCommitter<number, number>({
      commit: async (batch) => {
        await new Promise((r) => setTimeout(r, 10));
        if (batch.includes(13)) throw new Error('disk full');
        committed = true;
        return batch;
      },
    });
    await expect(gc.submit(1).then(() => committed)).resolves.toBe(true);
    await expect(Promise.all([gc.submit(12), gc.submit(13)])).rejects.toThrow('disk full');
    await expect(gc.submit(14)).resolves.toBe(14);
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
    const gc = new GroupCommitter<number, number>({
      commit: async (batch) => {
        await new Promise((r) => setTimeout(r, 10));
        done.push(...batch);
        return batch;
      },
      maxBatch: 2,
    });
    void gc.submit(1);
    void gc.submit(2);
    void gc.submit(3);
    await gc.drain();
    expect(done).toEqual([1, 2, 3]);
  });
});
