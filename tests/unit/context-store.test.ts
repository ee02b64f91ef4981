import { runInScope, scopeField } from '../../src/context/store';
import { runAsSystem, systemReason } from '../../src/workflow/system-context';

test('one context store: nested scopes keep the fields their callers set, and nothing leaks out', async () => {
  expect(systemReason()).toBeNull();
  await runAsSystem('seed', async () => {
    await new Promise((r) => setTimeout(r, 1));
    expect(systemReason()).toBe('seed');
    await runInScope({ auditAppending: true }, async () => {
      await Promise.resolve();
      expect(scopeField('auditAppending')).toBe(true);
      expect(systemReason()).toBe('seed'); // the outer field survives
    });
    expect(scopeField('auditAppending')).toBeUndefined();
    await runAsSystem('sweeper', async () => expect(systemReason()).toBe('sweeper'));
    expect(systemReason()).toBe('seed');
  });
  expect(systemReason()).toBeNull();
  expect(scopeField('gatePassed')).toBeUndefined();
});

test('concurrent scopes do not see each other', async () => {
  const seen: (string | null)[] = [];
  await Promise.all(
    ['a', 'b', 'c'].map((reason, i) =>
      runAsSystem(reason, async () => {
        await new Promise((r) => setTimeout(r, 5 * (3 - i)));
        seen.push(systemReason());
      }),
    ),
  );
  expect(seen.sort()).toEqual(['a', 'b', 'c']);
});
