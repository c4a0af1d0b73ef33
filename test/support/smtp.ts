// A real SMTP server on 127.0.0.1 (smtp-server, random port, no auth) that parses every message
// it accepts with mailparser, for e-mail tests; it can refuse the next messages (451) to test retries.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface TestSmtp {
  url: string;
  mails: ParsedMail[];
  close(): Promise<void>;
}

export interface SmtpOptions {
  /** Refuse this many messages (451, try again later) before accepting any. */
  refuse?: number;
}

export async function startSmtp(opts: SmtpOptions = {}): Promise<TestSmtp & { refused: number; refuseNext(n: number): void }> {
  const mails: ParsedMail[] = [];
  let toRefuse = opts.refuse ?? 0;
  const state = { refused: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, done) {
      if (toRefuse > 0) {
        toRefuse--;
        state.refused++;
        stream.resume();
        stream.on('end', () => done(Object.assign(new Error('try again later'), { responseCode: 451 })));
        return;
      }
      simpleParser(stream).then((m) => {
        mails.push(m);
        done();
      }, done);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    get refused() {
      return state.refused;
    },
    refuseNext: (n: number) => void (toRefuse = n),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
