// Group commit: requests that arrive while a commit runs wait for the next one, and every
// waiting request is committed together in one transaction, then answered. One fsync serves
// many reports, so durability does not cost throughput. The flush starts as soon as a commit
// slot is free (after one setImmediate, so requests parsed in the same tick join); a fixed
// timer was measured far worse (DESIGN.md section 2). SQLite has one writer, so one commit at
// a time; a Postgres server can overlap a few commits, and its own WAL flush groups them.
export interface GroupCommitOptions<T, R> {
  /** Commits a whole batch atomically and returns one result per item, in order. */
  commit(batch: T[]): Promise<R[]>;
  /** Upper bound on a batch, so one transaction stays short. */
  maxBatch?: number;
  /** Commits that may run at once (1 for SQLite). */
  concurrency?: number;
}

interface Pending<T, R> {
  item: T;
  resolve(r: R): void;
  reject(e: unknown): void;
  /** True once nobody waits for the answer (the client went away): not committed then. */
  abandoned?: (() => boolean) | undefined;
}

/** The item was not committed: its client had gone before its batch was flushed. */
export class AbandonedError extends Error {
  constructor() {
    super('the client went away before the commit');
  }
}

export class GroupCommitter<T, R> {
  readonly #commit: (batch: T[]) => Promise<R[]>;
  readonly #maxBatch: number;
  readonly #concurrency: number;
  #queue: Pending<T, R>[] = [];
  #inFlight = 0;
  #scheduled = false;
  #idle: (() => void)[] = [];
  batches = 0;
  items = 0;
  /** Items dropped because their client had gone. */
  abandoned = 0;
  /** Recent commit duration (ms, moving average): what a batch taken now can expect to wait. */
  commitMs = 0;

  constructor(opts: GroupCommitOptions<T, R>) {
    this.#commit = opts.commit;
    this.#maxBatch = opts.maxBatch ?? 2000;
    this.#concurrency = opts.concurrency ?? 1;
  }

  /**
   * Resolves only after the item's transaction has committed. An item whose `abandoned()` is
   * true when its batch is taken is rejected with AbandonedError instead: nobody would hear the
   * answer, and under overload that work is exactly what must be dropped.
   */
  submit(item: T, abandoned?: () => boolean): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.#queue.push({ item, resolve, reject, abandoned });
      this.#schedule();
    });
  }

  get pending(): number {
    return this.#queue.length;
  }

  /** Waits until everything submitted so far is committed (graceful shutdown). */
  drain(): Promise<void> {
    if (this.#inFlight === 0 && this.#queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /**
   * A batch failed: one item may be at fault (a value the database refuses), and the others
   * must not pay for it. Each is committed alone; only the items that fail alone are rejected.
   */
  async #commitOneByOne(batch: Pending<T, R>[]): Promise<void> {
    for (const p of batch) {
      try {
        const [result] = await this.#commit([p.item]);
        p.resolve(result!);
        this.batches += 1;
        this.items += 1;
      } catch (err) {
        p.reject(err);
      }
    }
  }

  #schedule(): void {
    if (this.#scheduled || this.#inFlight >= this.#concurrency || this.#queue.length === 0) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      void this.#flushOne();
    });
  }

  async #flushOne(): Promise<void> {
    if (this.#inFlight >= this.#concurrency || this.#queue.length === 0) return;
    const batch = this.#take();
    if (batch.length === 0) {
      this.#schedule();
      this.#settleIdle();
      return;
    }
    this.#inFlight += 1;
    this.#schedule(); // another slot may take what arrives next
    try {
      const startedAt = performance.now();
      const results = await this.#commit(batch.map((p) => p.item));
      this.commitMs += (performance.now() - startedAt - this.commitMs) * 0.2;
      batch.forEach((p, i) => p.resolve(results[i]!));
      this.batches += 1;
      this.items += batch.length;
    } catch (err) {
      if (batch.length === 1) batch[0]!.reject(err);
      else await this.#commitOneByOne(batch);
    } finally {
      this.#inFlight -= 1;
    }
    this.#schedule();
    this.#settleIdle();
  }

  /** The next batch, without the items whose client has gone (those are rejected). */
  #take(): Pending<T, R>[] {
    const taken = this.#queue.splice(0, this.#maxBatch);
    const live = taken.filter((p) => !p.abandoned?.());
    if (live.length < taken.length) {
      this.abandoned += taken.length - live.length;
      for (const p of taken) if (!live.includes(p)) p.reject(new AbandonedError());
      // Callers drop items the estimate says would be answered too late; with nothing committed
      // the estimate would never come down again and every later item would be dropped too. So
      // it decays while batches come out empty, until one is tried and measured.
      if (live.length === 0) this.commitMs /= 2;
    }
    return live;
  }

  #settleIdle(): void {
    if (this.#inFlight === 0 && this.#queue.length === 0) for (const resolve of this.#idle.splice(0)) resolve();
  }
}
