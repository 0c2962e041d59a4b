// A real SMTP server on a free loopback port for tests of mail: it receives what the
// worker sends (parsed, so encoded subjects read as text), and can be told to refuse
// messages, for a while or for good, as a busy or broken mail server would.
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerOptions, type SMTPServerSession } from 'smtp-server';
import { findFreePort } from './free-port';
import { waitFor } from './wait';

export interface ReceivedEmail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  messageId: string;
}

export interface TestSmtpServer {
  /** For SMTP_URL, e.g. smtp://127.0.0.1:40123. */
  url: string;
  received: ReceivedEmail[];
  /** Messages refused so far. */
  refused: number;
  /** Refuses the next `count` messages with `code` (4xx: try later; 5xx: for good). */
  refuseNext(count: number, code?: number): void;
  /** Refuses every message from now on, until `acceptAll`. */
  refuseAll(code?: number): void;
  acceptAll(): void;
  /** Resolves once `count` messages to `address` (any address when omitted) have arrived. */
  waitForMessages(count: number, address?: string, timeoutMs?: number): Promise<ReceivedEmail[]>;
  stop(): Promise<void>;
}

function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  let refuseCount = 0;
  let refuseForever = false;
  let refuseCode = 451;
  const received: ReceivedEmail[] = [];
  const state = { refused: 0 };

  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: no certificate to make up.
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      void receive(stream, session, callback);
    },
  });
  async function receive(stream: Parameters<NonNullable<SMTPServerOptions['onData']>>[0], session: SMTPServerSession, callback: (error?: Error) => void) {
    try {
      const raw = await readAll(stream);
      if (refuseForever || refuseCount > 0) {
        if (!refuseForever) refuseCount -= 1;
        state.refused += 1;
        const reason = refuseCode >= 500 ? 'Mailbox unavailable' : 'Mailbox busy, try again later';
        return callback(Object.assign(new Error(reason), { responseCode: refuseCode }));
      }
      const parsed = await simpleParser(raw);
      received.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
        subject: parsed.subject ?? '',
        text: parsed.text ?? '',
        messageId: parsed.messageId ?? '',
      });
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }
  const port = await findFreePort();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });

  const matching = (address?: string) => received.filter((email) => address === undefined || email.to.includes(address));
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    get refused() {
      return state.refused;
    },
    refuseNext(count, code = 451) {
      refuseCount = count;
      refuseCode = code;
    },
    refuseAll(code = 451) {
      refuseForever = true;
      refuseCode = code;
    },
    acceptAll() {
      refuseForever = false;
      refuseCount = 0;
    },
    waitForMessages(count, address, timeoutMs = 30_000) {
      return waitFor(
        () =>
          `${count} message(s)${address ? ` to ${address}` : ''}, got ${matching(address).length}: ${JSON.stringify(received.map((e) => [e.to, e.subject]))}`,
        () => matching(address).length >= count && matching(address),
        timeoutMs,
        50,
      );
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
