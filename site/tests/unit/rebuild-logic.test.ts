import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createScheduler, describeTrigger, shouldRebuild, type Timers } from '../../server/rebuild-logic.ts';

test('only changes the public site can show trigger a build', () => {
  const dip = 'api::dip-document.dip-document';
  assert.equal(shouldRebuild({ event: 'entry.publish', uid: dip }), true);
  assert.equal(shouldRebuild({ event: 'entry.unpublish', uid: dip }), true);
  assert.equal(shouldRebuild({ event: 'entry.delete', uid: dip }), true);
  assert.equal(shouldRebuild({ event: 'entry.update', uid: dip }), false); // a draft edit
  assert.equal(shouldRebuild({ event: 'entry.update', uid: 'api::bidang.bidang' }), true); // no drafts
  assert.equal(shouldRebuild({ event: 'entry.publish', uid: 'api::profil-ppid.profil-ppid' }), true);
  assert.equal(shouldRebuild({ event: 'entry.create', uid: 'api::riwayat-alur.riwayat-alur' }), false);
  assert.equal(shouldRebuild({ event: 'entry.publish' }), false);
  assert.equal(shouldRebuild(null), false);
  assert.equal(describeTrigger({ event: 'entry.publish', uid: dip, entry: { nomor: 'DIP/1' } }), 'entry.publish dip-document "DIP/1"');
});

const flush = () => new Promise((r) => setImmediate(r));

/** Timers driven by the test: advance(ms) runs what is due. */
function fakeTimers() {
  let now = 0;
  let seq = 0;
  const due = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    set: (fn, ms) => {
      seq += 1;
      due.set(seq, { at: now + ms, fn });
      return seq;
    },
    clear: (h) => void due.delete(h as number),
    now: () => now,
  };
  async function advance(ms: number) {
    const end = now + ms;
    for (;;) {
      const next = [...due.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (!next || next[1].at > end) break;
      now = next[1].at;
      due.delete(next[0]);
      next[1].fn();
      await new Promise((r) => setImmediate(r));
    }
    now = end;
    await new Promise((r) => setImmediate(r));
  }
  return { timers, advance };
}

test('requests are debounced into one build, capped by the longest wait', async () => {
  const { timers, advance } = fakeTimers();
  const runs: string[][] = [];
  const s = createScheduler({ delayMs: 1000, maxWaitMs: 3000, timers, run: async (t) => void runs.push(t) });
  s.request('a');
  await advance(900);
  s.request('b');
  await advance(900);
  assert.deepEqual(runs, []);
  await advance(200);
  assert.deepEqual(runs, [['a', 'b']]);

  // a stream of requests every 500 ms still builds after 3 s at most
  for (let i = 0; i < 8; i += 1) {
    s.request(`s${i}`);
    await advance(500);
  }
  assert.equal(runs.length, 2);
  assert.deepEqual(runs[1], ['s0', 's1', 's2', 's3', 's4', 's5']);
});

test('never two builds at once; a change during a build gets exactly one more build', async () => {
  const { timers, advance } = fakeTimers();
  let release: () => void = () => {};
  let running = 0;
  let maxRunning = 0;
  const runs: string[][] = [];
  const s = createScheduler({
    delayMs: 100,
    maxWaitMs: 1000,
    timers,
    run: (t) => {
      runs.push(t);
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      return new Promise<void>((resolve) => {
        release = () => {
          running -= 1;
          resolve();
        };
      });
    },
  });
  s.request('first');
  await advance(100);
  s.request('during-1');
  s.request('during-2');
  await advance(500);
  assert.equal(runs.length, 1);
  release();
  await flush();
  await advance(100);
  assert.deepEqual(runs, [['first'], ['during-1', 'during-2']]);
  let idle = false;
  void s.idle().then(() => (idle = true));
  await advance(10);
  assert.equal(idle, false);
  release();
  await flush();
  await advance(10);
  assert.equal(idle, true);
  assert.equal(maxRunning, 1);
});

test('a failed build does not stop later ones', async () => {
  const { timers, advance } = fakeTimers();
  let calls = 0;
  const s = createScheduler({ delayMs: 10, maxWaitMs: 100, timers, run: async () => { calls += 1; throw new Error('x'); } });
  s.request('a');
  await advance(20);
  s.request('b');
  await advance(20);
  assert.equal(calls, 2);
});

test('a paused scheduler keeps requests until resumed', async () => {
  const { timers, advance } = fakeTimers();
  const runs: string[][] = [];
  const s = createScheduler({ delayMs: 10, maxWaitMs: 100, timers, paused: true, run: async (t) => void runs.push(t) });
  s.request('seed 1');
  s.request('seed 2');
  await advance(1000);
  assert.deepEqual(runs, []);
  s.request('start');
  s.resume();
  await advance(10);
  assert.deepEqual(runs, [['seed 1', 'seed 2', 'start']]);
});
