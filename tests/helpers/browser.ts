import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium by default; PPID_CHROMIUM names another build (e.g. /usr/bin/chromium-browser). */
export const CHROMIUM = process.env.PPID_CHROMIUM || '/usr/bin/chromium';

/** Debian's chromium, headless, with the flags this machine's closed network needs. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

const ROOT = path.resolve(__dirname, '../..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * The admin build (dist/build) must contain the current src/admin, and the sign-in page's bundle the
 * current src/admin-login: otherwise `npm run build` (which makes both; a bare `strapi build` would
 * empty dist/build and take the sign-in script with it).
 */
export function ensureAdminBuild(): void {
  const index = path.join(ROOT, 'dist', 'build', 'index.html');
  const script = path.join(ROOT, 'dist', 'build', 'ppid-auth', 'masuk.js');
  const older = (file: string, dir: string) => !fs.existsSync(file) || fs.statSync(file).mtimeMs < newestMtime(path.join(ROOT, dir));
  if (older(index, 'src/admin') || older(script, 'src/admin-login')) {
    execSync('npm run build', { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  }
}
