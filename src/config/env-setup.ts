import fs from 'node:fs';
import path from 'node:path';
import { findAppRoot } from './app-root';
import { ensureSecrets } from './secrets';

let done = false;

/**
 * Called at the top of every config file that reads a secret (whichever Strapi loads first).
 * Also makes sure `public/uploads/` exists: Strapi's start-up fails without it.
 */
export function prepareEnvironment(): void {
  if (done) return;
  done = true;
  const root = findAppRoot();
  const generated = ensureSecrets({
    env: process.env,
    envFile: path.join(root, '.env'),
    production: process.env.NODE_ENV === 'production',
  });
  if (generated.length > 0 && process.env.NODE_ENV !== 'test') {
    // eslint-disable-next-line no-console
    console.log(`[ppid] generated development secrets into .env: ${generated.join(', ')}`);
  }
  fs.mkdirSync(path.join(root, 'public', 'uploads'), { recursive: true });
}
