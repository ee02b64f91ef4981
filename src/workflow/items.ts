import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { appendAuditEvent } from '../audit/trail';
import type { Calendar } from './calendar';
import { decide } from './engine';
import { computeAtRiskAt } from './sla';
import { closeOpenTimers, findOpenTimer, openTimerUntil, TIMER_UID, type TimerKey } from './timers';
import { newItemNotice } from './notify';
import { queueNotices } from '../outbox/queue';
import type { Actor, ItemWorkflow, WorkflowDefinition } from './types';

export interface ItemStep {
  itemId: number | null;
  index: number;
  from: string | null;
  to: string;
  summary: string;
}

type Item = Record<string, any>;

const summaryOf = (items: ItemWorkflow, item: Item) => String(item[items.summaryAttribute] ?? '').slice(0, 120);

/**
 * Checks the item state changes a write makes (before it is saved) and stamps entry dates.
 * Existing items are matched by id; new items must start in the initial state. Throws an
 * ApplicationError naming the allowed steps for the first illegal change; nothing is saved then.
 */
export function planItemSteps(
  items: ItemWorkflow,
  before: Item[],
  incoming: Item[],
  actor: Actor | null,
  today: string,
): ItemStep[] {
  const def = items.definition;
  const byId = new Map(before.map((item) => [Number(item.id), item]));
  const steps: ItemStep[] = [];
  incoming.forEach((item, index) => {
    const previous = item.id !== undefined && item.id !== null ? byId.get(Number(item.id)) : undefined;
    const from: string | null = previous ? previous[def.field] : null;
    const to: string = item[def.field] ?? from ?? def.initial;
    item[def.field] = to;
    if (from === to) return;
    if (from === null) {
      if (to !== def.initial) {
        throw new errors.ApplicationError(
          `${items.itemLabel} baru "${summaryOf(items, item)}" harus dimulai dengan status "${def.states[def.initial].label}".`,
        );
      }
      return;
    }
    if (!actor) throw new errors.ApplicationError('Status butir tindak lanjut hanya dapat diubah oleh pengguna panel admin.');
    const decision = decide(def, { state: from, to, actor, separationOfDuties: false });
    if (!decision.ok) {
      throw new errors.ApplicationError(`${items.itemLabel} "${summaryOf(items, item)}": ${decision.message}`, { code: decision.code, allowed: decision.allowed });
    }
    const stamp = items.stamps?.[to];
    if (stamp && !item[stamp]) item[stamp] = today;
    steps.push({ itemId: Number(item.id), index, from, to, summary: summaryOf(items, item) });
  });
  return steps;
}

function itemKey(def: WorkflowDefinition, items: ItemWorkflow, documentId: string, itemId: number): TimerKey {
  return { jenisKonten: `${def.uid}#${items.field}`, dokumenId: `${documentId}:${itemId}`, locale: null };
}

/** End of the due date, local time: an item due "on the 20th" may be finished that evening. */
function endOfLocalDay(date: string, utcOffsetMinutes: number): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000 - 1 - utcOffsetMinutes * 60_000);
}

/**
 * After the save: records item steps in the audit trail and keeps one timer per open item, due
 * on its own due date and addressed to its assignee. Items that are done or removed stop counting.
 */
export async function afterItemsSaved(
  strapi: Core.Strapi,
  def: WorkflowDefinition,
  items: ItemWorkflow,
  documentId: string,
  steps: ItemStep[],
  actor: { id: number; email: string } | null,
  calendar: Calendar,
  opts: { utcOffsetMinutes: number; atRiskShare: number },
) {
  const now = new Date();
  for (const step of steps) {
    await appendAuditEvent(strapi, {
      kategori: 'transisi',
      peristiwa: 'transisi_butir',
      jenisKonten: `${def.uid}#${items.field}`,
      dokumenId: `${documentId}:${step.itemId}`,
      dari: step.from,
      ke: step.to,
      aktorId: actor?.id ?? null,
      aktorEmail: actor?.email ?? 'sistem',
      waktu: now.toISOString(),
      catatan: step.summary,
    });
  }

  const saved = await strapi.db.query(def.uid as any).findOne({ where: { documentId }, populate: [items.field] });
  const current: Item[] = saved?.[items.field] ?? [];
  const live = new Set<string>();
  for (const item of current) {
    const key = itemKey(def, items, documentId, item.id);
    live.add(key.dokumenId);
    const open = await findOpenTimer(strapi, key);
    const finished = Boolean(items.definition.states[item[items.definition.field]]?.final);
    if (finished) {
      if (open) await closeOpenTimers(strapi, key, now, calendar);
      continue;
    }
    const dueDate = item[items.dueDateAttribute];
    if (!dueDate) continue;
    const dueAt = endOfLocalDay(String(dueDate).slice(0, 10), opts.utcOffsetMinutes);
    if (open && new Date(open.jatuhTempo).getTime() === dueAt.getTime()) continue;
    if (open) await strapi.db.query(TIMER_UID).delete({ where: { id: open.id } }); // due date moved: the clock is re-set
    const start = now.getTime() < dueAt.getTime() ? now : new Date(dueAt.getTime() - 1);
    const assignee = String(item[items.assigneeAttribute] ?? '').trim();
    // A new item (or a new assignee) is announced once: e-mail and the notification centre.
    if (!open && assignee) {
      await queueNotices(strapi, [newItemNotice(def.uid, items.itemLabel, documentId, Number(item.id), summaryOf(items, item), assignee, dueAt)], now);
    }
    await openTimerUntil(
      strapi,
      key,
      {
        name: `${items.field}:${item[items.definition.field]}`,
        label: `${items.itemLabel}: ${summaryOf(items, item)}`,
        responsible: [`email:${item[items.assigneeAttribute]}`],
        calendar: 'business',
      },
      start,
      computeAtRiskAt(start, dueAt, opts.atRiskShare, calendar),
      dueAt,
    );
  }
  // Items removed from the minutes: their timers stop.
  const stale = await strapi.db.query(TIMER_UID).findMany({
    where: { jenisKonten: `${def.uid}#${items.field}`, dokumenId: { $startsWith: `${documentId}:` }, ditutupPada: null },
  });
  for (const timer of stale.filter((t: any) => !live.has(t.dokumenId))) {
    await closeOpenTimers(strapi, { jenisKonten: timer.jenisKonten, dokumenId: timer.dokumenId, locale: null }, now, calendar);
  }
}
