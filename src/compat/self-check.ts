import type { Core } from '@strapi/strapi';

/**
 * A place where this project relies on something of Strapi's that is not a public extension
 * point. Each one is checked at start-up: a Strapi upgrade that moves or reshapes it stops the
 * server with a message naming the touch point, instead of silently opening a way around 2FA or
 * the password policy. The list is in the README, "Internal touch points".
 */
export interface TouchPoint {
  name: string;
  /** the file of this project that relies on it */
  usedBy: string;
  /** what is wrong, or null when the internal is where and what it should be */
  problem(strapi: Core.Strapi): string | null;
}

/** The Strapi version this code was written and checked against. */
export const CHECKED_STRAPI_VERSION = '5.54.0';

export function strapiVersionOf(strapi: Core.Strapi): string {
  const fromConfig = strapi.config?.get?.('info.strapi');
  if (typeof fromConfig === 'string' && fromConfig) return fromConfig;
  try {
    return (require('@strapi/strapi/package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** Runs every check; throws one error naming each touch point that failed. */
export function runSelfChecks(strapi: Core.Strapi, points: TouchPoint[]): void {
  const failures: string[] = [];
  for (const point of points) {
    let problem: string | null;
    try {
      problem = point.problem(strapi);
    } catch (error) {
      problem = `check threw: ${(error as Error).message}`;
    }
    if (problem) failures.push(`${point.name} (used by ${point.usedBy}): ${problem}`);
  }
  if (failures.length === 0) return;
  throw new Error(
    `[ppid] start-up self-check failed on Strapi ${strapiVersionOf(strapi)} (this PPID code was checked against Strapi ${CHECKED_STRAPI_VERSION}):\n - ` +
      `${failures.join('\n - ')}\nSee the README, "Internal touch points", before upgrading.`,
  );
}

/** Helpers for checks: describe what is missing in a line an operator can act on. */
export const expectFunctions = (owner: unknown, names: string[], label: string): string | null => {
  if (!owner || typeof owner !== 'object') return `${label} is missing`;
  const missing = names.filter((n) => typeof (owner as Record<string, unknown>)[n] !== 'function');
  return missing.length ? `${label} has no ${missing.map((n) => `${n}()`).join(', ')}` : null;
};
