// Which language a page is in: ?lang= first (the visible switch sets it), then the browser's
// Accept-Language, then English. Every catalogue is listed here once.
import type { FastifyRequest } from 'fastify';
import { en, type Messages } from './en.js';
import { es } from './es.js';

export type { Messages };
export const CATALOGUES: readonly Messages[] = [en, es];
const byLang = new Map(CATALOGUES.map((m) => [m.lang, m]));

export const messagesFor = (lang: string | undefined): Messages => (lang && byLang.get(lang)) || en;

/** The best catalogue for an Accept-Language header (q-values honoured, "es-US" matches "es"). */
export function fromAcceptLanguage(header: string | undefined): Messages | undefined {
  if (!header) return undefined;
  const wanted = header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1);
      return { lang: tag.trim().toLowerCase().split('-')[0] ?? '', q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((w) => w.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const w of wanted) {
    const m = byLang.get(w.lang);
    if (m) return m;
  }
  return undefined;
}

export function messagesOf(req: FastifyRequest): Messages {
  const q = (req.query ?? {}) as Record<string, unknown>;
  const lang = typeof q.lang === 'string' ? byLang.get(q.lang) : undefined;
  return lang ?? fromAcceptLanguage(req.headers['accept-language']) ?? en;
}

/** A link to `path` that keeps the page's language when it is not the default. */
export function hrefIn(m: Messages, path: string): string {
  if (m.lang === en.lang) return path;
  return `${path}${path.includes('?') ? '&' : '?'}lang=${m.lang}`;
}
