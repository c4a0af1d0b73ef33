// LISTEN on a PostgreSQL channel with a connection of its own (a pooled one would be handed to
// other queries). A dropped connection is opened again after a pause; while it is down the
// caller's own polling still finds every change, only later.
import pg from 'pg';

export const RECONNECT_MS = 1_000;

export class PgListener {
  #client: pg.Client | undefined;
  #stopped = false;
  #retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly onNotify: () => void,
    private readonly onError: (err: unknown) => void = () => {},
  ) {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name ${channel}`);
  }

  /** Resolves once listening (or once the first attempt failed: a retry is scheduled). */
  async start(): Promise<void> {
    if (this.#stopped) return;
    const client = new pg.Client({ connectionString: this.url });
    this.#client = client;
    client.on('notification', () => this.onNotify());
    client.on('error', (err) => this.#lost(client, err));
    client.on('end', () => this.#lost(client, undefined));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (err) {
      this.#lost(client, err);
    }
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#retry);
    const c = this.#client;
    this.#client = undefined;
    await c?.end().catch(() => {});
  }

  #lost(client: pg.Client, err: unknown): void {
    if (this.#client !== client || this.#stopped) return;
    this.#client = undefined;
    if (err) this.onError(err);
    client.end().catch(() => {});
    this.#retry = setTimeout(() => void this.start(), RECONNECT_MS);
    this.#retry.unref();
  }
}
