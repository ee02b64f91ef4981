/**
 * How deeply a parsed request body nests. Iterative, so a hostile body of 100,000 nested brackets
 * is measured without recursion (Strapi's own walkers recurse and overflow the stack on it).
 * Stops counting once `limit` is passed.
 */
export function exceedsDepth(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** Deep enough for any form of this project (components in dynamic zones, rich text blocks). */
export const MAX_BODY_DEPTH = 64;
