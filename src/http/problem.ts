// Sends a problem (src/problems) as application/problem+json: the one way an error leaves HTTP.
import type { FastifyReply } from 'fastify';
import type { Problem } from '../problems/index.js';

export { problem, invalid, type Problem } from '../problems/index.js';

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  return reply.code(p.status).type('application/problem+json').send(p);
}
