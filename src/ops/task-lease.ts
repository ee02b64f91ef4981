/**
 * One run per scheduled tick across every instance sharing the database. Each cron task has a
 * row in `ppid_sewa_tugas` (task, tick, holder, lease end, in epoch milliseconds). An instance
 * runs a tick only if its conditional UPDATE wins: the row's tick is older than this one and no
 * lease is running. Of several instances firing the same tick (their cron computes the same
 * scheduled instant), exactly one gets count 1; the others skip. A run still going when the next
 * tick comes is not overlapped; a holder that dies leaves its lease to expire after `leaseMs`.
 * The tasks keep their own conditional writes underneath: this lease saves the duplicate work
 * and the duplicate side effects that are not writes (an anchor file, an upload removal).
 */
import crypto from 'node:crypto';
import os from 'node:os';
import type { Knex } from 'knex';

export const LEASE_TABLE = 'ppid_sewa_tugas';

/** This process, as named in the lease rows (host, pid, random). */
export const HOLDER = `${os.hostname().slice(0, 30)}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`;

export async function ensureLeaseTable(knex: Knex): Promise<void> {
  await knex.raw(
    `CREATE TABLE IF NOT EXISTS ${LEASE_TABLE} (tugas VARCHAR(64) NOT NULL PRIMARY KEY, jadwal BIGINT NOT NULL, pemegang VARCHAR(80), sampai BIGINT NOT NULL)`,
  );
}

export interface Claim {
  task: string;
  tick: number;
  holder: string;
}

/**
 * Claims `task` for the tick at `tick` (the scheduled instant); null when another run has it
 * (this tick already taken, or a lease still running).
 */
export async function claimTick(knex: Knex, task: string, tick: Date, leaseMs: number, opts: { now?: number; holder?: string } = {}): Promise<Claim | null> {
  const now = opts.now ?? Date.now();
  const holder = opts.holder ?? HOLDER;
  const at = tick.getTime();
  if (!Number.isFinite(at)) throw new Error(`tick of ${task} is not a date`);
  await knex.raw(`INSERT INTO ${LEASE_TABLE} (tugas, jadwal, pemegang, sampai) VALUES (?, 0, NULL, 0) ON CONFLICT (tugas) DO NOTHING`, [task]);
  const count = await knex(LEASE_TABLE)
    .where('tugas', task)
    .andWhere('jadwal', '<', at)
    .andWhere('sampai', '<=', now)
    .update({ jadwal: at, pemegang: holder, sampai: now + leaseMs });
  return Number(count) === 1 ? { task, tick: at, holder } : null;
}

/** Ends the lease early (the run finished); only the holder of that tick can. */
export async function releaseTick(knex: Knex, claim: Claim, now = Date.now()): Promise<void> {
  await knex(LEASE_TABLE).where({ tugas: claim.task, jadwal: claim.tick, pemegang: claim.holder }).update({ sampai: now });
}
