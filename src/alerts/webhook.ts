// One webhook attempt, signed as the Standard Webhooks specification says (the
// `standardwebhooks` package signs; nothing hand-rolled): webhook-id stays the same on every
// retry so the receiver can drop repeats, webhook-timestamp is this attempt's time.
import { Webhook } from 'standardwebhooks';
import type { AttemptResult } from './deliveries.js';
import type { Delivery } from './outbox.js';

export const WEBHOOK_TIMEOUT_MS = 10_000;

export function signedHeaders(secret: string, id: string, body: string, at: Date): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': 'OutageDesk-Webhooks/1',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, at, body),
  };
}

export async function postWebhook(url: string, secret: string, d: Delivery, at = new Date(), timeoutMs = WEBHOOK_TIMEOUT_MS): Promise<AttemptResult> {
  const body = JSON.stringify(d.payload);
  const started = performance.now();
  try {
    const res = await fetch(url, { method: 'POST', headers: signedHeaders(secret, d.id, body, at), body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel();
    return { statusCode: res.status, error: res.ok ? null : `HTTP ${res.status}`, durationMs: performance.now() - started };
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    return { statusCode: null, error: cause ?? (err as Error).name ?? 'error', durationMs: performance.now() - started };
  }
}
