import { exceedsDepth } from '../../src/http/json-depth';

const nested = (depth: number) => JSON.parse('['.repeat(depth) + ']'.repeat(depth));

describe('request body depth', () => {
  test('ordinary bodies pass', () => {
    expect(exceedsDepth({ a: 1, b: [1, 2, { c: 'x' }] }, 64)).toBe(false);
    expect(exceedsDepth(nested(64), 64)).toBe(false);
    expect(exceedsDepth(null, 1)).toBe(false);
    expect(exceedsDepth('text', 0)).toBe(false);
  });

  test('one level past the limit is refused', () => {
    expect(exceedsDepth(nested(65), 64)).toBe(true);
    expect(exceedsDepth({ a: { b: { c: {} } } }, 3)).toBe(true);
  });

  test('100,000 levels are measured without overflowing the stack', () => {
    expect(exceedsDepth(nested(100_000), 64)).toBe(true);
  });
});
