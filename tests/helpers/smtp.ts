import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  /** The outbox's idempotency header (X-PPID-Notifikasi). */
  key: string | null;
  subject: string | null;
  raw: string;
}

/**
 * A local SMTP server (127.0.0.1, port 0) for the outbox tests: refuses the first `failFirst`
 * messages with a temporary error (451 after DATA, the message is not taken), refuses recipients
 * in `refuse` permanently (550), and keeps every accepted message.
 */
export async function startSmtp(opts: { failFirst?: number } = {}) {
  const state = {
    failFirst: opts.failFirst ?? 0,
    refuse: new Set<string>(),
    accepted: [] as ReceivedMail[],
    rejected: 0,
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (state.refuse.has(address.address.toLowerCase())) {
        return callback(Object.assign(new Error('5.1.1 Kotak surat tidak ada'), { responseCode: 550 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (state.failFirst > 0) {
          state.failFirst -= 1;
          state.rejected += 1;
          return callback(Object.assign(new Error('4.3.0 Server sibuk, coba lagi nanti'), { responseCode: 451 }));
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        state.accepted.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          key: /^X-PPID-Notifikasi:\s*(.+)$/im.exec(raw)?.[1]?.trim() ?? null,
          subject: /^Subject:\s*(.+)$/im.exec(raw)?.[1]?.trim() ?? null,
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
