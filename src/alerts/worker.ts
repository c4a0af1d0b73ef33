// The alerts worker of one API process: it turns watched incident changes into outbox rows and
// sends what is due. Every process runs one; the outbox makes them agree (see outbox.ts). It
// starts only once a subscription exists, so a server nobody subscribed to runs no queries.
import type { IncidentChanges } from '../incidents/changes.js';
import type { Store } from '../store/index.js';
import { recordAttempt, type AttemptResult } from './deliveries.js';
import { claimDue, enqueueIncidentChange, type Delivery } from './outbox.js';
import { claimDuePublicMail, forgetPublicMail, recordPublicAttempt, type PublicMail } from './public-mail.js';
import type { RetryPolicy } from './retry.js';
import { findSubscription, subscriptionSecret } from './subscriptions.js';
import { postWebhook } from './webhook.js';

export interface AlertSettings extends RetryPolicy {
  /** How often due deliveries are looked for. */
  pollMs: number;
  minCount: number;
}

/** Sends a delivery by e-mail (see mail.ts; absent when SMTP_URL is unset). */
export type EmailSender = (to: string, lang: string, d: Delivery) => Promise<AttemptResult>;
/** Sends one of the public's e-mails (public-mail.ts); undefined when its subscriber is gone. */
export type PublicMailSender = (mail: PublicMail) => Promise<AttemptResult | undefined>;

const CLAIM_BATCH = 20;
const LEASE_MS = 60_000;

export class AlertWorker {
  #timer: NodeJS.Timeout | undefined;
  #unwatch: (() => void) | undefined;
  #busy: Promise<void> = Promise.resolve();
  #sending: Promise<void> = Promise.resolve();
  #running = false;
  #again = false;

  constructor(
    private readonly store: Store,
    private readonly changes: IncidentChanges,
    private readonly settings: AlertSettings,
    private readonly onError: (err: unknown) => void,
    private readonly email?: EmailSender,
    private readonly sendPublic?: PublicMailSender,
  ) {}

  get started(): boolean {
    return this.#timer !== undefined;
  }

  async start(): Promise<void> {
    if (this.#timer) return;
    this.#timer = setInterval(() => this.kick(), this.settings.pollMs);
    this.#timer.unref();
    this.#unwatch = this.changes.subscribe((c) => {
      if (c.kind !== 'incident') return;
      this.#busy = this.#busy
        .then(async () => {
          const r = await enqueueIncidentChange(this.store, c.incident, this.settings.minCount);
          if (r.enqueued > 0) this.kick();
        })
        .catch(this.onError);
    });
    await this.changes.watching();
  }

  /** Looks for due deliveries now (after an enqueue, a replay, a resume). */
  kick(): void {
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = true;
    this.#sending = this.#sendDue()
      .catch(this.onError)
      .finally(() => {
        this.#running = false;
        if (this.#again && this.#timer) {
          this.#again = false;
          this.kick();
        }
      });
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#unwatch?.();
    this.#unwatch = undefined;
    await this.#busy;
    await this.#sending;
  }

  async #sendDue(): Promise<void> {
    for (;;) {
      if (!this.#timer) return;
      const due = await claimDue(this.store, CLAIM_BATCH, LEASE_MS);
      const mails = this.sendPublic ? await claimDuePublicMail(this.store, CLAIM_BATCH, LEASE_MS) : [];
      if (due.length === 0 && mails.length === 0) return;
      await Promise.all([...due.map((d) => this.#deliver(d)), ...mails.map((m) => this.#mail(m))]);
    }
  }

  async #deliver(d: Delivery): Promise<void> {
    const sub = await findSubscription(this.store.db, d.subscriptionId);
    if (!sub) return;
    const result = await this.#attempt(sub.channel, sub.url, sub.email, sub.lang, d);
    await recordAttempt(this.store, d, result, this.settings);
  }

  async #mail(m: PublicMail): Promise<void> {
    const result = await this.sendPublic!(m);
    if (result) await recordPublicAttempt(this.store.db, m, result, this.settings);
    else await forgetPublicMail(this.store.db, m.subscriberId);
  }

  async #attempt(channel: string, url: string | null, email: string | null, lang: string, d: Delivery): Promise<AttemptResult> {
    if (channel === 'webhook' && url) {
      const secret = await subscriptionSecret(this.store.db, d.subscriptionId);
      if (secret) return postWebhook(url, secret, d);
    }
    if (channel === 'email' && email && this.email) return this.email(email, lang, d);
    return { statusCode: null, error: channel === 'email' ? 'SMTP_URL is not set' : 'no target', durationMs: 0 };
  }
}
