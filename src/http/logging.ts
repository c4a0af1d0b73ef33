// Request logs without the client: pino's default request serializer writes remoteAddress and
// remotePort on every line, next to the URL (and so next to the reference a reporter was
// shown). A reporter's address must never reach a log line, at any level, so requests are
// logged by method, route and id only; headers (which may carry X-Forwarded-For) never are.
import type { FastifyServerOptions } from 'fastify';

interface LoggedRequest {
  method: string;
  url: string;
  id: string;
  routeOptions?: { url?: string | undefined };
}

export function loggerOptions(level: string, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (req: LoggedRequest) => ({ method: req.method, url: req.url, id: req.id }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    redact: ['req.headers', 'headers', 'remoteAddress', 'ip', 'ips'],
  };
}
