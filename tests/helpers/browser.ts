import fs from 'node:fs';
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
