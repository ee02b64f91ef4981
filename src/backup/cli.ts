/**
 * Command line of `npm run backup` and `npm run restore` (scripts/backup.js, scripts/restore.js).
 * Reads `.env` the way Strapi does (variables already set win), then runs src/backup/run.ts.
 * Exit codes: 0 done, 1 failed, 2 refused (nothing changed).
 */
import fs from 'node:fs';
import path from 'node:path';
import { findAppRoot } from '../config/app-root';
import { backup, BackupRefused, restore, type Context } from './run';

function loadDotEnv(root: string): void {
  const file = path.join(root, '.env');
  if (fs.existsSync(file)) process.loadEnvFile(file);
}

function context(): Context {
  const root = findAppRoot();
  loadDotEnv(root);
  return { root, env: process.env, log: (line) => console.log(`[ppid] ${line}`) };
}

const BACKUP_USAGE = 'Pemakaian: npm run backup [-- --out <direktori-baru>]';
const RESTORE_USAGE = 'Pemakaian: npm run restore -- <direktori-cadangan> [--ganti]';

export function parseArgs(argv: string[], kind: 'backup' | 'restore'): { out?: string; from?: string; replace: boolean } | string {
  const result: { out?: string; from?: string; replace: boolean } = { replace: false };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (kind === 'backup' && (a === '--out' || a === '--ke')) result.out = argv[(i += 1)];
    else if (kind === 'backup' && (a.startsWith('--out=') || a.startsWith('--ke='))) result.out = a.slice(a.indexOf('=') + 1);
    else if (kind === 'restore' && (a === '--ganti' || a === '--replace')) result.replace = true;
    else if (kind === 'restore' && !a.startsWith('-') && result.from === undefined) result.from = a;
    else return `argumen tidak dikenal: ${a}\n${kind === 'backup' ? BACKUP_USAGE : RESTORE_USAGE}`;
  }
  if (kind === 'backup' && result.out === '') return BACKUP_USAGE;
  if (kind === 'restore' && !result.from) return RESTORE_USAGE;
  return result;
}

export async function main(kind: 'backup' | 'restore', argv: string[]): Promise<number> {
  const args = parseArgs(argv, kind);
  if (typeof args === 'string') {
    console.error(args);
    return 2;
  }
  try {
    const ctx = context();
    if (kind === 'backup') await backup(ctx, { out: args.out });
    else await restore(ctx, args.from as string, { replace: args.replace });
    return 0;
  } catch (error) {
    if (error instanceof BackupRefused) {
      console.error(error.message);
      return 2;
    }
    console.error(`[ppid] ${kind === 'backup' ? 'pencadangan' : 'pemulihan'} gagal: ${(error as Error).message}`);
    return 1;
  }
}
