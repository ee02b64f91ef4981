/**
 * A real, seeded Strapi for the browser tests: the root project's scripts/cms-for-site-tests.js
 * in a child process (throwaway SQLite database, demo seed, free port). Needs the root compiled
 * to dist/ (`npm test` at the root does it first).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface Cms {
  url: string;
  tokens: { operator: string; koordinator: string };
  stop(): Promise<void>;
}

export function startCms(env: Record<string, string> = {}, timeoutMs = 240000): Promise<Cms> {
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'scripts', 'cms-for-site-tests.js')], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (c) => (err = (err + c).slice(-5000)));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`CMS did not start in ${timeoutMs} ms:\n${err}`));
    }, timeoutMs);
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('{"ready"'));
      if (!line) return;
      clearTimeout(timer);
      const info = JSON.parse(line);
      resolve({ url: info.url, tokens: info.tokens, stop });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`CMS exited (${code}) before it was ready:\n${err}`));
    });
  });
}
