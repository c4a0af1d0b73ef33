// The reference point for bench:intake: a bare Fastify route that parses the same JSON body
// and answers 201 without validating or storing anything.
import Fastify from 'fastify';

const app = Fastify({ logger: false, bodyLimit: 16 * 1024 });
let n = 0;
app.post('/api/v1/reports', async (req, reply) => reply.code(201).send({ id: String(++n), receivedAt: new Date().toISOString(), reference: 'OD-BARE' }));
const address = await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
process.stdout.write(`listening on ${address}\n`);
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
