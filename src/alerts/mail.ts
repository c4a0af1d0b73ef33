// Alert e-mails over SMTP (nodemailer; SMTP_URL, MAIL_FROM), in the recipient's language from
// the public pages' catalogues. Public subscribers' e-mails carry a one-click unsubscribe
// (RFC 8058: List-Unsubscribe with an http(s) URL and List-Unsubscribe-Post).
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import { messagesFor } from '../web/i18n/index.js';
import type { AttemptResult } from './deliveries.js';
import { statesOf } from './events.js';
import type { AlertPayload } from './outbox.js';

export interface Mailer {
  transport: Transporter;
  from: string;
  publicUrl: string;
}

export function createMailer(o: { smtpUrl: string; mailFrom: string; publicUrl: string }): Mailer | undefined {
  if (!o.smtpUrl) return undefined;
  return { transport: nodemailer.createTransport(o.smtpUrl), from: o.mailFrom, publicUrl: o.publicUrl };
}

export function alertMessage(lang: string, p: AlertPayload): { subject: string; text: string } {
  const m = messagesFor(lang).alerts;
  const i = p.data;
  const event = m.events[p.type] ?? p.type;
  const states = statesOf(i);
  const where = states ? m.whereStates([...states].sort().join(', ')) : m.whereNation;
  const since = new Date(i.onsetAt).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  return { subject: m.subject(i.networkName, event), text: m.body(i.networkName, event, where, since) };
}

async function send(mailer: Mailer, mail: SendMailOptions): Promise<AttemptResult> {
  const started = performance.now();
  try {
    await mailer.transport.sendMail({ from: mailer.from, ...mail });
    return { statusCode: 250, error: null, durationMs: performance.now() - started };
  } catch (err) {
    const code = (err as { responseCode?: number }).responseCode ?? null;
    return { statusCode: code, error: (err as { code?: string }).code ?? 'smtp error', durationMs: performance.now() - started };
  }
}

/** A partner's alert: 250 on acceptance by the SMTP server, its reply code otherwise. */
export async function mailPartnerAlert(mailer: Mailer, to: string, lang: string, p: AlertPayload): Promise<AttemptResult> {
  const { subject, text } = alertMessage(lang, p);
  return send(mailer, { to, subject, text: `${text}\n\n${messagesFor(lang).alerts.statusLink} ${mailer.publicUrl}/status` });
}

export async function mailPublicAlert(mailer: Mailer, to: string, lang: string, p: AlertPayload, unsubscribeToken: string): Promise<AttemptResult> {
  const m = messagesFor(lang).alerts;
  const { subject, text } = alertMessage(lang, p);
  const unsubscribeUrl = `${mailer.publicUrl}/status/unsubscribe?token=${encodeURIComponent(unsubscribeToken)}`;
  return send(mailer, {
    to,
    subject,
    text: `${text}\n\n${m.statusLink} ${mailer.publicUrl}/status?lang=${lang}\n\n${m.unsubscribeLine} ${unsubscribeUrl}&lang=${lang}`,
    headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  });
}

export async function mailConfirmation(mailer: Mailer, to: string, lang: string, networkName: string, state: string, confirmToken: string): Promise<AttemptResult> {
  const m = messagesFor(lang).alerts;
  const link = `${mailer.publicUrl}/status/subscribe/confirm?token=${encodeURIComponent(confirmToken)}&lang=${lang}`;
  return send(mailer, { to, subject: m.confirmSubject, text: m.confirmBody(networkName, state, link) });
}
