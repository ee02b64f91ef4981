import type { WorkflowDefinition } from './types';

/** A committed change of a document's workflow state. */
export interface TransitionEvent {
  def: WorkflowDefinition;
  documentId: string;
  locale: string | null;
  from: string;
  to: string;
  at: Date;
  /** 'step' = someone took a transition; 'send-back' = the system sent approved content back after an edit */
  kind: 'step' | 'send-back';
}

export type TransitionListener = (event: TransitionEvent) => Promise<void> | void;

export interface EventLog {
  error(message: string): void;
}

export interface DeliveryOptions {
  attempts: number;
  /** wait before the n-th retry: backoffMs * 2^(n-1) */
  backoffMs: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Typed subscribers to committed transitions. Domain code (obligations, reports, notices) listens
 * here instead of chaining a mutable hook. A listener that fails is retried with backoff and then
 * logged; it never turns a committed transition into an error for the person who took it.
 */
export function createTransitionEvents(log: EventLog, options: DeliveryOptions = { attempts: 3, backoffMs: 100 }) {
  const listeners: { name: string; listener: TransitionListener }[] = [];
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  async function deliver(name: string, listener: TransitionListener, event: TransitionEvent): Promise<boolean> {
    for (let attempt = 1; attempt <= options.attempts; attempt++) {
      try {
        await listener(event);
        return true;
      } catch (error) {
        if (attempt === options.attempts) {
          log.error(
            `[ppid] listener "${name}" failed ${attempt}× for ${event.def.name} ${event.documentId} ${event.from} → ${event.to}: ${(error as Error).message}`,
          );
          return false;
        }
        await sleep(options.backoffMs * 2 ** (attempt - 1));
      }
    }
    return false;
  }

  return {
    /** Adds a listener; returns a function that removes it. */
    subscribe(name: string, listener: TransitionListener): () => void {
      const entry = { name, listener };
      listeners.push(entry);
      return () => {
        const index = listeners.indexOf(entry);
        if (index >= 0) listeners.splice(index, 1);
      };
    },
    /** Delivers to every listener in order; resolves with the names of those that gave up. */
    async publish(event: TransitionEvent): Promise<string[]> {
      const failed: string[] = [];
      for (const { name, listener } of [...listeners]) {
        if (!(await deliver(name, listener, event))) failed.push(name);
      }
      return failed;
    },
  };
}

export type TransitionEvents = ReturnType<typeof createTransitionEvents>;
