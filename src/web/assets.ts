// Static files served from memory with precompressed variants, read once at start: the public
// pages' files (src/web/assets, copied to dist/web/assets by the build, versioned by ?v=) and
// the desk app's Vite output (dist/desk/assets, content-hashed names). The form page must load
// fast on a weak phone connection, and a versioned URL lets the browser cache for a year.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const ASSET_DIR = fileURLToPath(new URL('./assets/', import.meta.url));

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.css', '.js', '.svg', '.json']);

interface AssetRequest {
  Querystring: { v?: string };
}

export interface AssetOptions {
  /** URL path the files are served under, with no trailing slash. */
  prefix?: string;
  /** Every file name carries a content hash (a bundler's output): always cache as immutable. */
  hashedNames?: boolean;
}

interface Asset {
  type: string;
  body: Buffer;
  gzip?: Buffer;
  br?: Buffer;
  etag: string;
}

export class Assets {
  readonly #files = new Map<string, Asset>();
  readonly #prefix: string;
  readonly #hashedNames: boolean;

  constructor(dir = ASSET_DIR, o: AssetOptions = {}) {
    this.#prefix = o.prefix ?? '/assets';
    this.#hashedNames = o.hashedNames ?? false;
    for (const file of walk(dir)) {
      const ext = path.extname(file);
      const type = TYPES[ext];
      if (!type) continue;
      const body = fs.readFileSync(file);
      const asset: Asset = { type, body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"` };
      if (COMPRESSIBLE.has(ext)) {
        // The desk build writes .gz/.br beside its files (brotli of the 800 kB atlas takes seconds).
        asset.gzip = readIfPresent(`${file}.gz`) ?? gzipSync(body, { level: 9 });
        asset.br = readIfPresent(`${file}.br`) ?? brotliCompressSync(body);
      }
      this.#files.set(path.relative(dir, file).split(path.sep).join('/'), asset);
    }
  }

  /** The URL to put in a page: versioned by content, so it can be cached as immutable. */
  url(name: string): string {
    const asset = this.#files.get(name);
    if (!asset) throw new Error(`no web asset ${name}`);
    return `${this.#prefix}/${name}?v=${asset.etag.slice(1, 9)}`;
  }

  register(app: FastifyInstance): void {
    app.get<AssetRequest & { Params: { '*': string } }>(`${this.#prefix}/*`, { schema: { hide: true } }, (req, reply) => this.send(req, reply, req.params['*']));
  }

  /** Answers with one of the files (by its name under the directory), or 404. */
  send(req: FastifyRequest<AssetRequest>, reply: FastifyReply, name: string): FastifyReply {
    const asset = this.#files.get(name);
    if (!asset) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    reply.header('Content-Type', asset.type).header('ETag', asset.etag).header('Vary', 'Accept-Encoding');
    reply.header('Cache-Control', this.#hashedNames || req.query.v ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
    if (req.headers['if-none-match'] === asset.etag) return reply.code(304).send();
    const accept = String(req.headers['accept-encoding'] ?? '');
    if (asset.br && /\bbr\b/.test(accept)) return reply.header('Content-Encoding', 'br').send(asset.br);
    if (asset.gzip && /\bgzip\b/.test(accept)) return reply.header('Content-Encoding', 'gzip').send(asset.gzip);
    return reply.send(asset.body);
  }
}

function readIfPresent(file: string): Buffer | undefined {
  return fs.existsSync(file) ? fs.readFileSync(file) : undefined;
}

function* walk(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(p);
    else yield p;
  }
}
