// Static files of the public pages (src/web/assets, copied to dist/web/assets by the build),
// read once at start and served from memory with precompressed variants: the form page must
// load fast on a weak phone connection, and a versioned URL lets the browser cache for a year.
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
};
const COMPRESSIBLE = new Set(['.css', '.js', '.svg']);

interface AssetRequest {
  Querystring: { v?: string };
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

  constructor(dir = ASSET_DIR) {
    for (const file of walk(dir)) {
      const ext = path.extname(file);
      const type = TYPES[ext];
      if (!type) continue;
      const body = fs.readFileSync(file);
      const asset: Asset = { type, body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"` };
      if (COMPRESSIBLE.has(ext)) {
        asset.gzip = gzipSync(body, { level: 9 });
        asset.br = brotliCompressSync(body);
      }
      this.#files.set(path.relative(dir, file).split(path.sep).join('/'), asset);
    }
  }

  /** The URL to put in a page: versioned by content, so it can be cached as immutable. */
  url(name: string): string {
    const asset = this.#files.get(name);
    if (!asset) throw new Error(`no web asset ${name}`);
    return `/assets/${name}?v=${asset.etag.slice(1, 9)}`;
  }

  register(app: FastifyInstance): void {
    const hide = { schema: { hide: true } };
    app.get<AssetRequest & { Params: { '*': string } }>('/assets/*', hide, (req, reply) => this.#send(req, reply, req.params['*']));
    // Browsers ask for /favicon.ico on pages without a <link rel="icon"> (API docs, JSON).
    app.get<AssetRequest>('/favicon.ico', hide, (req, reply) => this.#send(req, reply, 'favicon.svg'));
  }

  #send(req: FastifyRequest<AssetRequest>, reply: FastifyReply, name: string): FastifyReply {
    const asset = this.#files.get(name);
    if (!asset) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    reply.header('Content-Type', asset.type).header('ETag', asset.etag).header('Vary', 'Accept-Encoding');
    reply.header('Cache-Control', req.query.v ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
    if (req.headers['if-none-match'] === asset.etag) return reply.code(304).send();
    const accept = String(req.headers['accept-encoding'] ?? '');
    if (asset.br && /\bbr\b/.test(accept)) return reply.header('Content-Encoding', 'br').send(asset.br);
    if (asset.gzip && /\bgzip\b/.test(accept)) return reply.header('Content-Encoding', 'gzip').send(asset.gzip);
    return reply.send(asset.body);
  }
}

function* walk(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(p);
    else yield p;
  }
}
