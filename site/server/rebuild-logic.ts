/**
 * Pure parts of rebuild-on-publish: which CMS events change the public site, and a debouncing
 * scheduler that runs one build at a time and never loses a change that arrives during a build.
 */

/** Content types the site shows: a change to any other type (memos, audit trail…) is ignored. */
export const SITE_TYPES: Readonly<Record<string, 'draftAndPublish' | 'plain'>> = Object.freeze({
  'api::dip-document.dip-document': 'draftAndPublish',
  'api::profil-ppid.profil-ppid': 'draftAndPublish',
  'api::maklumat-pelayanan.maklumat-pelayanan': 'draftAndPublish',
  'api::bidang.bidang': 'plain',
});

/**
 * Whether a Strapi webhook payload (`{ event, uid, model, entry }`) can change the public site.
 * For Draft & Publish types only what is published matters: publish, unpublish and delete (an
 * edit of a draft changes nothing online). Units have no drafts: every change counts. Media
 * events are not sent (a file only reaches the site through a published entry).
 */
export function shouldRebuild(payload: unknown): boolean {
  if (!payload || typeof payload !== 'object') return false;
  const { event, uid } = payload as { event?: unknown; uid?: unknown };
  if (typeof event !== 'string' || typeof uid !== 'string') return false;
  const kind = SITE_TYPES[uid];
  if (!kind) return false;
  if (kind === 'plain') return ['entry.create', 'entry.update', 'entry.delete'].includes(event);
  return ['entry.publish', 'entry.unpublish', 'entry.delete'].includes(event);
}

/** A short description of what triggered a build, for the status shown in the admin panel. */
export function describeTrigger(payload: { event?: unknown; uid?: unknown; entry?: any }): string {
  const what = typeof payload.uid === 'string' ? payload.uid.replace(/^api::([^.]+)\..*$/, '$1') : '?';
  const name = payload.entry?.nomor ?? payload.entry?.judul ?? payload.entry?.nama ?? payload.entry?.documentId ?? '';
  return `${String(payload.event ?? '?')} ${what}${name ? ` "${String(name).slice(0, 120)}"` : ''}`;
}

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
  now(): number;
}

export const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
  now: () => Date.now(),
};

/**
 * Coalesces requests: a build starts `delayMs` after the last request (but at most `maxWaitMs`
 * after the first one waiting), never two at once; requests during a build cause exactly one
 * more build after it. `run` gets the triggers gathered for that build.
 */
export function createScheduler(opts: {
  delayMs: number;
  maxWaitMs: number;
  run: (triggers: string[]) => Promise<void>;
  timers?: Timers;
  /** start paused: requests are kept until resume() (e.g. until the CMS answers) */
  paused?: boolean;
}) {
  const timers = opts.timers ?? realTimers;
  let paused = opts.paused ?? false;
  let pending: string[] = [];
  let firstPendingAt = 0;
  let timer: unknown = null;
  let running: Promise<void> | null = null;
  const idleWaiters: (() => void)[] = [];

  const settleIdle = () => {
    if (running || timer !== null || pending.length) return;
    for (const resolve of idleWaiters.splice(0)) resolve();
  };

  const arm = () => {
    if (timer !== null) timers.clear(timer);
    const wait = Math.max(0, Math.min(opts.delayMs, firstPendingAt + opts.maxWaitMs - timers.now()));
    timer = timers.set(fire, wait);
  };

  function fire() {
    timer = null;
    if (running) return; // the running build re-arms when it ends
    const triggers = pending;
    pending = [];
    running = opts
      .run(triggers)
      .catch(() => {})
      .finally(() => {
        running = null;
        if (pending.length) arm();
        else settleIdle();
      });
  }

  return {
    request(trigger: string) {
      if (!pending.length) firstPendingAt = timers.now();
      pending.push(trigger);
      if (!running && !paused) arm();
    },
    resume() {
      if (!paused) return;
      paused = false;
      if (pending.length && !running) {
        firstPendingAt = timers.now();
        arm();
      }
    },
    get busy() {
      return running !== null || timer !== null || pending.length > 0;
    },
    /** Resolves once no build is waiting or running. */
    idle(): Promise<void> {
      return new Promise((resolve) => {
        idleWaiters.push(resolve);
        settleIdle();
      });
    },
  };
}
