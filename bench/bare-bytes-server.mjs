// The second reference point for bench:status: a bare Fastify route answering GET /page with
// fixed bytes and headers (the status page's own gzipped answer, captured by the bench), doing
// nothing else. Beside it the status page's req/s show what serving the page costs beyond
// moving its bytes, which on shared cores the load generator pays for as much as the server.
import fs from 'node:fs';
import Fastify from 'fastify';

const body = fs.readFileSync(process.env.BARE_BODY_FILE);
const headers = JSON.parse(process.env.BARE_HEADERS ?? '{}');
const app = Fastify({ logger: false });
app.get('/page', async (req, reply) => reply.headers(headers).send(body));
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`listening on ${address}\n`);
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
