import { confirmableUnits, limitedToOwnUnits, narrowResponsible, receiptNote, receiptsOf, unitOfReceipt } from '../../src/units/rules';
import { membershipProblem } from '../../src/content/quarterly-list';
import { reportMeetsObligation } from '../../src/obligations/catalogue';
import { decide } from '../../src/workflow/engine';
import { laporanEvaluasiWorkflow } from '../../src/api/laporan-evaluasi/workflow';
import { nameOf } from '../../src/workflow/guards';

const A = { documentId: 'unitA', nama: 'Bidang A', kepalaBidang: [{ id: 7, email: 'a@x' }] };
const B = { documentId: 'unitB', nama: 'Bidang B', kepalaBidang: [{ id: 8, email: 'b@x' }] };

describe('units and their people', () => {
  test('only a Kepala Bidang without a broader role is limited to his units', () => {
    expect(limitedToOwnUnits(['kepala-bidang'])).toBe(true);
    expect(limitedToOwnUnits(['kepala-bidang', 'operator'])).toBe(false);
    expect(limitedToOwnUnits(['kepala-bidang', 'strapi-super-admin'])).toBe(false);
    expect(limitedToOwnUnits(['koordinator'])).toBe(false);
  });

  test('a receipt note names its unit and is read back; other notes are not receipts', () => {
    expect(unitOfReceipt(receiptNote({ documentId: 'abc123', nama: 'Bidang [X]' }))).toBe('abc123');
    expect(unitOfReceipt('Perbaiki nomor.')).toBeNull();
    expect(unitOfReceipt(null)).toBeNull();
  });

  test('receipts per target unit: first confirmation counts; only the unit\'s own Kabid may confirm, once', () => {
    const events = [{ catatan: receiptNote(A), aktorEmail: 'a@x', waktu: '2026-11-20T03:00:00Z' }];
    const receipts = receiptsOf([A, B], events);
    expect(receipts).toEqual([
      { unit: 'Bidang A', unitDocumentId: 'unitA', kepalaBidang: ['a@x'], diterimaOleh: 'a@x', diterimaPada: '2026-11-20T03:00:00.000Z' },
      { unit: 'Bidang B', unitDocumentId: 'unitB', kepalaBidang: ['b@x'], diterimaOleh: null, diterimaPada: null },
    ]);
    expect(confirmableUnits(7, [A, B], receipts)).toEqual({ units: [], reason: 'already' });
    expect(confirmableUnits(8, [A, B], receipts)).toEqual({ units: [B], reason: null });
    expect(confirmableUnits(9, [A, B], receipts)).toEqual({ units: [], reason: 'not-kabid' });
  });

  test('a role is narrowed to addresses; a memo without Kabids never widens to every Kabid', () => {
    expect(narrowResponsible(['sub-koordinator', 'kepala-bidang'], 'kepala-bidang', ['a@x', 'a@x'])).toEqual(['sub-koordinator', 'email:a@x']);
    expect(narrowResponsible(['sub-koordinator', 'kepala-bidang'], 'kepala-bidang', [])).toEqual(['sub-koordinator']);
    expect(narrowResponsible(['operator'], 'operator', [], true)).toEqual(['operator']);
    expect(narrowResponsible(['koordinator'], 'operator', ['a@x'])).toEqual(['koordinator']);
  });

  test('a related document is named by its title and number', () => {
    expect(nameOf({ judul: 'Data', nomor: 'DIP/1' }, ['judul', 'nomor'])).toBe('"Data" (DIP/1)');
    expect(nameOf({ judul: 'Data', nomor: null }, ['judul', 'nomor'])).toBe('"Data"');
    expect(nameOf({ documentId: 'x1' }, ['judul'])).toBe('dokumen x1');
  });
});

describe('quarterly list membership', () => {
  test('an item joins only a list of its own period, and only while the list is open', () => {
    expect(membershipProblem({ periode: '2027-Q1' }, { periode: '2027-Q1', statusAlur: 'draf' }, true)).toBeNull();
    expect(membershipProblem({ periode: '2027-Q2' }, { periode: '2027-Q1', statusAlur: 'draf' }, true)).toMatch(/berbeda/);
    expect(membershipProblem({ periode: '2027-Q1' }, { periode: '2027-Q1', statusAlur: 'menunggu_penerimaan' }, true)).toMatch(/ditandatangani/);
    // An item already in a signed list may be edited (it does not join again).
    expect(membershipProblem({ periode: '2027-Q1' }, { periode: '2027-Q1', statusAlur: 'diterima' }, false)).toBeNull();
  });
});

describe('evaluations by the right person', () => {
  test('an obligation is met only by its kind written by the SOP role', () => {
    expect(reportMeetsObligation('evaluasi_pengelolaan', ['koordinator'])).toBe(true);
    expect(reportMeetsObligation('evaluasi_pengelolaan', ['kepala-dinas'])).toBe(false);
    expect(reportMeetsObligation('evaluasi_koordinator', ['kepala-dinas'])).toBe(true);
    expect(reportMeetsObligation('evaluasi_koordinator', ['koordinator'])).toBe(false);
    expect(reportMeetsObligation('rekap_tahunan', ['koordinator'])).toBe(false);
  });

  test('accepting one\'s own report is refused even with separation of duties off, and even forced', () => {
    const author = { id: 5, roles: ['kepala-dinas', 'koordinator'], isSuperAdmin: false };
    const refused = decide(laporanEvaluasiWorkflow, { state: 'menunggu_penerimaan', to: 'diterima', actor: author, authorId: 5, separationOfDuties: false });
    expect(refused).toMatchObject({ ok: false, code: 'SEPARATION_OF_DUTIES' });
    const superAdmin = { id: 1, roles: ['strapi-super-admin'], isSuperAdmin: true };
    const forced = decide(laporanEvaluasiWorkflow, { state: 'menunggu_penerimaan', to: 'diterima', actor: superAdmin, authorId: 1, separationOfDuties: true, force: true, note: 'x' });
    expect(forced).toMatchObject({ ok: false, code: 'SEPARATION_OF_DUTIES' });
    const other = decide(laporanEvaluasiWorkflow, { state: 'menunggu_penerimaan', to: 'diterima', actor: superAdmin, authorId: 9, separationOfDuties: true, force: true, note: 'x' });
    expect(other).toMatchObject({ ok: true, forced: true });
  });
});

describe('the unit touch point', () => {
  const { runSelfChecks } = require('../../src/compat/self-check') as typeof import('../../src/compat/self-check');
  const { UNIT_TOUCH_POINTS } = require('../../src/units/touch-points') as typeof import('../../src/units/touch-points');
  const fn = () => undefined;
  const strapiWith = (service: unknown): any => ({ config: { get: () => '5.99.0' }, service: () => service });
  const check = (service: unknown) => () => runSelfChecks(strapiWith(service), UNIT_TOUCH_POINTS);

  test('the expected shape passes; a moved permissions manager or condition provider stops start-up', () => {
    expect(check({ conditionProvider: { register: fn, has: fn }, createPermissionsManager: fn })).not.toThrow();
    expect(check({ conditionProvider: { register: fn, has: fn } })).toThrow(/createPermissionsManager is not a function/);
    expect(check({ createPermissionsManager: fn })).toThrow(/conditionProvider is missing/);
    expect(check(undefined)).toThrow(/admin::permission is missing/);
  });
});
