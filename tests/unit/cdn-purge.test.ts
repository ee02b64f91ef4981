import { createCdnPurger, readCdnPurgeSettings, type CdnPurgeSettings, type PurgeAttempt } from '../../src/cache/cdn-purge';

function envOf(values: Record<string, string>) {
  const env = ((name: string, fallback?: string) => values[name] ?? fallback ?? '') as any;
  env.int = (name: string, fallback?: number) => (values[name] === undefined ? fallback : Number(values[name]));
  return env;
}

const SETTINGS: CdnPurgeSettings = { url: 'https://cdn.example/purge', method: 'POST', headers: {}, body: '{}', delayMs: 50, retries: 2 };
const tick = (ms: number) => jest.advanceTimersByTimeAsync(ms);

describe('settings', () => {
  test('off without a URL; Cloudflare-shaped defaults with one', () => {
    expect(readCdnPurgeSettings(envOf({}))).toEqual({ settings: null, problems: [] });
    const { settings, problems } = readCdnPurgeSettings(
      envOf({ PPID_CDN_PURGE_URL: 'https://api.cloudflare.com/client/v4/zones/abc/purge_cache', PPID_CDN_PURGE_HEADERS: '{"Authorization":"Bearer rahasia"}' }),
    );
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      url: 'https://api.cloudflare.com/client/v4/zones/abc/purge_cache',
      method: 'POST',
      headers: { Authorization: 'Bearer rahasia' },
      body: '{"purge_everything":true}',
      delayMs: 1000,
      retries: 3,
    });
  });

  test('each bad value is named, and a header value (a token) is never repeated in the message', () => {
    const { problems } = readCdnPurgeSettings(
      envOf({
        PPID_CDN_PURGE_URL: 'cdn.example/purge',
        PPID_CDN_PURGE_METHOD: 'PO ST',
        PPID_CDN_PURGE_HEADERS: '{"Authorization":"Bearer rahasia\\nX-Injected: 1"}',
        PPID_CDN_PURGE_DELAY_MS: '-1',
        PPID_CDN_PURGE_RETRIES: '99',
      }),
    );
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toMatch(/PPID_CDN_PURGE_URL[\s\S]*PPID_CDN_PURGE_METHOD[\s\S]*PPID_CDN_PURGE_HEADERS[\s\S]*PPID_CDN_PURGE_DELAY_MS[\s\S]*PPID_CDN_PURGE_RETRIES/);
    expect(problems.join('\n')).not.toContain('rahasia');
    expect(readCdnPurgeSettings(envOf({ PPID_CDN_PURGE_URL: 'https://x.example', PPID_CDN_PURGE_HEADERS: '["a"]' })).problems).toHaveLength(1);
  });
});

describe('purger', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test('a burst of writes is one purge, sent after the delay; later writes another', async () => {
    const sent: number[] = [];
    const purger = createCdnPurger(SETTINGS, { send: async () => (sent.push(Date.now()), { ok: true, outcome: '200' }), onFailure: () => {} });
    for (let i = 0; i < 5; i++) purger.request();
    await tick(49);
    expect(sent).toHaveLength(0);
    await tick(1);
    expect(sent).toHaveLength(1);
    purger.request();
    await tick(50);
    expect(sent).toHaveLength(2);
  });

  test('a failing CDN is tried again with backoff, then given up, each failure reported', async () => {
    const answers: PurgeAttempt[] = [{ ok: false, outcome: '500' }, { ok: false, outcome: 'ECONNREFUSED' }, { ok: false, outcome: '503' }];
    const failures: Array<[string, boolean]> = [];
    let calls = 0;
    const purger = createCdnPurger(SETTINGS, {
      send: async () => answers[calls++],
      onFailure: (a, willRetry) => failures.push([a.outcome, willRetry]),
      backoffMs: (retry) => retry * 100,
    });
    purger.request();
    await tick(50);
    expect(calls).toBe(1);
    await tick(100);
    expect(calls).toBe(2);
    await tick(200);
    expect(calls).toBe(3);
    await tick(10_000);
    expect(calls).toBe(3); // retries: 2
    expect(failures).toEqual([['500', true], ['ECONNREFUSED', true], ['503', false]]);
  });

  test('a thrown network error counts as a failed attempt, and a success after it ends the retries', async () => {
    let calls = 0;
    const failures: string[] = [];
    const purger = createCdnPurger(SETTINGS, {
      send: async () => {
        calls += 1;
        if (calls === 1) throw new Error('socket hang up');
        return { ok: true, outcome: '200' };
      },
      onFailure: (a) => failures.push(a.outcome),
      backoffMs: () => 10,
    });
    purger.request();
    await tick(100);
    expect(calls).toBe(2);
    expect(failures).toEqual(['socket hang up']);
  });

  test('writes during a purge in flight get one more purge after it', async () => {
    let release!: () => void;
    let calls = 0;
    const purger = createCdnPurger(SETTINGS, {
      send: () => {
        calls += 1;
        return calls === 1 ? new Promise<PurgeAttempt>((r) => (release = () => r({ ok: true, outcome: '200' }))) : Promise.resolve({ ok: true, outcome: '200' });
      },
      onFailure: () => {},
    });
    purger.request();
    await tick(50);
    purger.request();
    purger.request();
    await tick(50);
    expect(calls).toBe(1);
    release();
    await tick(0);
    expect(calls).toBe(2);
    await tick(1000);
    expect(calls).toBe(2);
  });

  test('closing sends a pending purge at once, and nothing is sent after', async () => {
    let calls = 0;
    const purger = createCdnPurger(SETTINGS, { send: async () => (calls++, { ok: true, outcome: '200' }), onFailure: () => {} });
    purger.request();
    await purger.close();
    expect(calls).toBe(1);
    purger.request();
    await tick(1000);
    expect(calls).toBe(1);
  });

  test('closing during a backoff wait ends it: one last try at once, no further retries', async () => {
    let calls = 0;
    const purger = createCdnPurger({ ...SETTINGS, retries: 5 }, { send: async () => (calls++, { ok: false, outcome: '503' }), onFailure: () => {}, backoffMs: () => 60_000 });
    purger.request();
    await tick(50);
    expect(calls).toBe(1);
    await purger.close();
    expect(calls).toBe(2);
    await tick(600_000);
    expect(calls).toBe(2);
  });
});
