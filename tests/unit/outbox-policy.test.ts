import { afterFailure, backoffMs, describeError, validateOutboxConfig, type OutboxConfig } from '../../src/outbox/policy';

const cfg: OutboxConfig = { maxAttempts: 5, backoffSeconds: 60, backoffMaxSeconds: 600, leaseSeconds: 240, sendTimeoutSeconds: 120, batchSize: 100 };

test('the wait doubles after each failure, capped', () => {
  expect([1, 2, 3, 4, 5, 6].map((n) => backoffMs(n, cfg) / 1000)).toEqual([60, 120, 240, 480, 600, 600]);
  expect(backoffMs(1000, cfg)).toBe(600_000);
});

test('a failed attempt is retried later until the last one, which makes a dead letter', () => {
  const now = new Date('2026-11-22T03:00:00Z');
  expect(afterFailure(1, now, cfg)).toEqual({ status: 'failed', cobaLagiPada: new Date('2026-11-22T03:01:00Z') });
  expect(afterFailure(4, now, cfg)).toEqual({ status: 'failed', cobaLagiPada: new Date('2026-11-22T03:08:00Z') });
  expect(afterFailure(5, now, cfg)).toEqual({ status: 'dead', cobaLagiPada: null });
  expect(afterFailure(1, now, { ...cfg, maxAttempts: 1 })).toEqual({ status: 'dead', cobaLagiPada: null });
});

test('an SMTP error is stored with its code and the server reply', () => {
  const error = Object.assign(new Error('Message failed'), { code: 'EMESSAGE', responseCode: 451, response: '451 4.3.0 coba lagi nanti' });
  expect(describeError(error)).toBe('EMESSAGE: SMTP 451: 451 4.3.0 coba lagi nanti');
  expect(describeError(new Error('x'.repeat(5000)))).toHaveLength(2000);
});

test('the configuration is checked: a lease shorter than twice the send timeout could let two senders overlap', () => {
  expect(validateOutboxConfig(cfg)).toEqual([]);
  expect(validateOutboxConfig({ ...cfg, leaseSeconds: 200 })).toEqual([expect.stringContaining('PPID_OUTBOX_LEASE_SECONDS')]);
  expect(validateOutboxConfig({ ...cfg, maxAttempts: 0, backoffMaxSeconds: 30 }).join(' ')).toMatch(
    /PPID_OUTBOX_MAX_ATTEMPTS.*PPID_OUTBOX_BACKOFF_MAX_SECONDS\).*not below PPID_OUTBOX_BACKOFF_SECONDS/,
  );
  expect(validateOutboxConfig({ ...cfg, backoffSeconds: 0 })).toEqual([expect.stringContaining('PPID_OUTBOX_BACKOFF_SECONDS')]);
});
