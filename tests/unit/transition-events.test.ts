import { createTransitionEvents, type TransitionEvent } from '../../src/workflow/events';
import type { WorkflowDefinition } from '../../src/workflow/types';

const def = { name: 'uji', uid: 'api::uji.uji' } as WorkflowDefinition;
const event: TransitionEvent = { def, documentId: 'd1', locale: null, from: 'a', to: 'b', at: new Date('2026-11-29T03:00:00Z'), kind: 'step' };
const noSleep = { attempts: 3, backoffMs: 100, sleep: async () => {} };

describe('transition events', () => {
  test('every listener hears a committed transition, in the order they subscribed', async () => {
    const heard: string[] = [];
    const events = createTransitionEvents({ error: () => {} }, noSleep);
    events.subscribe('one', (e) => void heard.push(`one:${e.to}`));
    events.subscribe('two', async (e) => void heard.push(`two:${e.to}`));
    expect(await events.publish(event)).toEqual([]);
    expect(heard).toEqual(['one:b', 'two:b']);
  });

  test('a listener that fails is retried with growing waits, and succeeds', async () => {
    const waits: number[] = [];
    let calls = 0;
    const events = createTransitionEvents({ error: () => {} }, { attempts: 3, backoffMs: 100, sleep: async (ms) => void waits.push(ms) });
    events.subscribe('flaky', () => {
      calls += 1;
      if (calls < 3) throw new Error('sementara');
    });
    expect(await events.publish(event)).toEqual([]);
    expect(calls).toBe(3);
    expect(waits).toEqual([100, 200]);
  });

  test('a listener that keeps failing is logged and does not stop the others or throw', async () => {
    const logged: string[] = [];
    const heard: string[] = [];
    const events = createTransitionEvents({ error: (m) => void logged.push(m) }, noSleep);
    events.subscribe('rusak', () => {
      throw new Error('SMTP mati');
    });
    events.subscribe('sehat', () => void heard.push('ok'));
    await expect(events.publish(event)).resolves.toEqual(['rusak']);
    expect(heard).toEqual(['ok']);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/listener "rusak" failed 3× for uji d1 a → b: SMTP mati/);
  });

  test('an unsubscribed listener hears nothing more', async () => {
    let count = 0;
    const events = createTransitionEvents({ error: () => {} }, noSleep);
    const stop = events.subscribe('sekali', () => void (count += 1));
    await events.publish(event);
    stop();
    await events.publish(event);
    expect(count).toBe(1);
  });
});
