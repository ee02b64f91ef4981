/**
 * Units (bidang) and their people, pure rules: which writes a Kepala Bidang is limited to, how a
 * memo's receipts by its target units are read back from the audit trail.
 */

export const RECEIPT_EVENT = 'diterima_unit';

/** Roles whose DIP access is not limited to one unit (any of them lifts the limit). */
const UNLIMITED_DIP_ROLES = ['operator', 'sub-koordinator', 'strapi-super-admin'];

/** True when the user's DIP writes must stay inside their own units (a Kepala Bidang, nothing broader). */
export function limitedToOwnUnits(roleCodes: readonly string[]): boolean {
  return roleCodes.includes('kepala-bidang') && !roleCodes.some((r) => UNLIMITED_DIP_ROLES.includes(r));
}

/** The note of a receipt event; `unitOfReceipt` reads it back. */
export function receiptNote(unit: { documentId: string; nama: string }): string {
  return `Nota diterima oleh unit "${unit.nama}" [${unit.documentId}].`;
}

export function unitOfReceipt(note: string | null | undefined): string | null {
  const m = /\[([A-Za-z0-9]+)\]\.$/.exec(note ?? '');
  return m ? m[1] : null;
}

export interface TargetUnit {
  documentId: string;
  nama: string;
  kepalaBidang: { id: number; email: string }[];
}

export interface ReceiptEvent {
  catatan: string | null;
  aktorEmail: string | null;
  waktu: string | Date;
}

export interface Receipt {
  unit: string;
  unitDocumentId: string;
  kepalaBidang: string[];
  diterimaOleh: string | null;
  diterimaPada: string | null;
}

/** One line per target unit: its Kabids, and who confirmed receipt when (first confirmation counts). */
export function receiptsOf(units: readonly TargetUnit[], events: readonly ReceiptEvent[]): Receipt[] {
  return units.map((unit) => {
    const event = events.find((e) => unitOfReceipt(e.catatan) === unit.documentId);
    return {
      unit: unit.nama,
      unitDocumentId: unit.documentId,
      kepalaBidang: unit.kepalaBidang.map((k) => k.email),
      diterimaOleh: event?.aktorEmail ?? null,
      diterimaPada: event ? new Date(event.waktu).toISOString() : null,
    };
  });
}

/**
 * Which of a memo's target units this user may confirm: those they head, not yet confirmed.
 * `reason` says why none when the list is empty.
 */
export function confirmableUnits(
  userId: number,
  units: readonly TargetUnit[],
  receipts: readonly Receipt[],
): { units: TargetUnit[]; reason: 'not-kabid' | 'already' | null } {
  const mine = units.filter((u) => u.kepalaBidang.some((k) => Number(k.id) === Number(userId)));
  if (mine.length === 0) return { units: [], reason: 'not-kabid' };
  const open = mine.filter((u) => !receipts.find((r) => r.unitDocumentId === u.documentId)?.diterimaPada);
  return { units: open, reason: open.length === 0 ? 'already' : null };
}

/**
 * Who the state's timer concerns: the role `replace` stands for only the given addresses (the
 * Kabids of a memo's target units, the submitter of an entry). Without addresses the role stays
 * only when `keepRoleWhenNone` (a memo's Kabids are never widened to every Kabid of the office).
 */
export function narrowResponsible(responsible: readonly string[], replace: string, emails: readonly string[], keepRoleWhenNone = false): string[] {
  if (!responsible.includes(replace)) return [...responsible];
  if (emails.length === 0 && keepRoleWhenNone) return [...responsible];
  return [...responsible.filter((r) => r !== replace), ...[...new Set(emails)].map((e) => `email:${e}`)];
}
