import type { ChildProcess } from 'node:child_process';

/**
 * Requests to a forked Strapi instance (tests/helpers/second-instance.js, instance-server.js) over
 * its IPC channel: each `call` sends `{ id, op, ...args }` and settles with the child's answer
 * `{ id, result }` or `{ id, error }`. `ready` settles on the child's `{ ready: true }`, or fails
 * if it exits first; a child that exits fails every call still waiting. `detail` adds to that error
 * (e.g. the tail of the child's log).
 */
export function ipcClient(child: ChildProcess, name: string, detail?: () => string) {
  let next = 0;
  const pending = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>();
  const ready = new Promise<void>((resolve, reject) => {
    child.on('message', (msg: any) => {
      if (msg.ready) return resolve();
      const waiter = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.error) waiter?.reject(new Error(msg.error));
      else waiter?.resolve(msg.result);
    });
    child.once('exit', (code) => {
      reject(new Error(`${name} exited with ${code}${detail ? `:\n${detail()}` : ''}`));
      for (const waiter of pending.values()) waiter.reject(new Error(`${name} exited with ${code}`));
      pending.clear();
    });
  });
  const call = <T = any>(op: string, args: Record<string, unknown> = {}) =>
    new Promise<T>((resolve, reject) => {
      const id = (next += 1);
      pending.set(id, { resolve, reject });
      child.send({ id, op, ...args });
    });
  return { ready, call };
}
