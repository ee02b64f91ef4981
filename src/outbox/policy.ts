/**
 * Pure rules of the outbox (kotak keluar): when a failed notice is tried again, when it becomes a
 * dead letter, and which configuration is coherent. No Strapi here.
 */
export interface OutboxConfig {
  /** Attempts before a notice is a dead letter (statusKirim dead). */
  maxAttempts: number;
  /** Wait after the first failure; doubles after each further failure. */
  backoffSeconds: number;
  /** Longest wait between two attempts. */
  backoffMaxSeconds: number;
  /** How long a sender holds a notice it claimed; another sender may take it only after that. */
  leaseSeconds: number;
  /** Longest an SMTP delivery may take (also nodemailer's connection/greeting/socket timeouts). */
  sendTimeoutSeconds: number;
  /** Notices one sender run looks at. */
  batchSize: number;
}

export type NoticeStatus = 'pending' | 'sent' | 'failed' | 'dead';

/** Wait before attempt `attempt + 1`, after `attempt` (1-based) attempts failed: base · 2^(attempt−1), capped. */
export function backoffMs(attempt: number, cfg: Pick<OutboxConfig, 'backoffSeconds' | 'backoffMaxSeconds'>): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 30));
  return Math.min(cfg.backoffSeconds * 2 ** exponent, cfg.backoffMaxSeconds) * 1000;
}

/** After attempt number `attempt` failed: try again later, or give up. */
export function afterFailure(
  attempt: number,
  now: Date,
  cfg: Pick<OutboxConfig, 'maxAttempts' | 'backoffSeconds' | 'backoffMaxSeconds'>,
): { status: 'failed' | 'dead'; cobaLagiPada: Date | null } {
  if (attempt >= cfg.maxAttempts) return { status: 'dead', cobaLagiPada: null };
  return { status: 'failed', cobaLagiPada: new Date(now.getTime() + backoffMs(attempt, cfg)) };
}

/** A short, storable description of a delivery error (SMTP code and reply when there is one). */
export function describeError(error: unknown): string {
  const e = error as { message?: string; responseCode?: number; code?: string; response?: string };
  const parts = [e?.code, e?.responseCode ? `SMTP ${e.responseCode}` : null, e?.response ?? e?.message ?? String(error)];
  const text = parts.filter(Boolean).join(': ');
  return text.length > 2000 ? `${text.slice(0, 1997)}...` : text;
}

const positiveInt = (v: unknown) => Number.isInteger(v) && (v as number) > 0;

export function validateOutboxConfig(cfg: OutboxConfig): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, msg: string) => {
    if (!ok) problems.push(msg);
  };
  need(positiveInt(cfg.maxAttempts) && cfg.maxAttempts <= 50, `ppid.outbox.maxAttempts (PPID_OUTBOX_MAX_ATTEMPTS) must be 1–50, got ${cfg.maxAttempts}`);
  need(positiveInt(cfg.backoffSeconds), `ppid.outbox.backoffSeconds (PPID_OUTBOX_BACKOFF_SECONDS) must be a positive whole number, got ${cfg.backoffSeconds}`);
  need(
    positiveInt(cfg.backoffMaxSeconds) && cfg.backoffMaxSeconds >= cfg.backoffSeconds,
    `ppid.outbox.backoffMaxSeconds (PPID_OUTBOX_BACKOFF_MAX_SECONDS) must be a whole number of seconds not below PPID_OUTBOX_BACKOFF_SECONDS, got ${cfg.backoffMaxSeconds}`,
  );
  need(positiveInt(cfg.sendTimeoutSeconds), `ppid.outbox.sendTimeoutSeconds (PPID_OUTBOX_SEND_TIMEOUT_SECONDS) must be a positive whole number, got ${cfg.sendTimeoutSeconds}`);
  // A lease shorter than a slow delivery would let a second sender start while the first is still talking to the server.
  need(
    positiveInt(cfg.leaseSeconds) && cfg.leaseSeconds >= 2 * cfg.sendTimeoutSeconds,
    `ppid.outbox.leaseSeconds (PPID_OUTBOX_LEASE_SECONDS) must be at least twice PPID_OUTBOX_SEND_TIMEOUT_SECONDS (${2 * cfg.sendTimeoutSeconds}), got ${cfg.leaseSeconds}`,
  );
  need(positiveInt(cfg.batchSize), `ppid.outbox.batchSize must be a positive whole number, got ${cfg.batchSize}`);
  return problems;
}
