/** Measuring a build: wall time and the peak resident memory of its process tree (Linux /proc). */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { SITE_DIR } from '../server/builder.ts';

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Resident memory of a process and all its descendants, in kB. */
export function treeRssKb(root: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid)!.push(Number(name));
    } catch {
      // gone
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rssKb(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export interface BuildMeasure {
  seconds: number;
  peakMb: number;
  pages: number;
}

/** `astro build --outDir outDir` against apiUrl, timed, with the peak RSS of its process tree. */
export function measureBuild(outDir: string, apiUrl: string, env: Record<string, string> = {}): Promise<BuildMeasure> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [path.join(SITE_DIR, 'node_modules', 'astro', 'astro.js'), 'build', '--outDir', outDir, '--silent'], {
      cwd: SITE_DIR,
      env: { ...process.env, ...env, PPID_API_URL: apiUrl, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let peak = 0;
    let err = '';
    child.stderr.on('data', (c) => (err = (err + c).slice(-4000)));
    const timer = setInterval(() => (peak = Math.max(peak, treeRssKb(child.pid!))), 200);
    child.on('close', (code) => {
      clearInterval(timer);
      if (code !== 0) return reject(new Error(`astro build exited ${code}: ${err}`));
      const pages = readdirSync(outDir, { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
      resolve({ seconds: Number(process.hrtime.bigint() - started) / 1e9, peakMb: peak / 1024, pages });
    });
  });
}
