import {
  aggregateObligation,
  breachesThisMonth,
  collectWork,
  countByProcedure,
  mayReadCompliance,
  obligationStatus,
  paginate,
  readPaging,
  startOfLocalMonth,
  timerConcerns,
  type OpenTimer,
  type WaitingDocument,
} from '../../src/workspace/rules';

const NOTA = 'api::nota-permintaan.nota-permintaan';
const NOTULEN = 'api::notulen.notulen';
const now = new Date('2026-11-20T03:00:00Z'); // Friday 10:00 WIB

function doc(documentId: string, state: string, responsible: string[], title = documentId): WaitingDocument {
  return { uid: NOTA, type: 'nota-permintaan', procedure: 'Nota Permintaan', documentId, locale: null, state, stateLabel: `Label ${state}`, title, responsible };
}
function timer(documentId: string, keadaan: string, atRisk: string, due: string, extra: Partial<OpenTimer> = {}): OpenTimer {
  return { jenisKonten: NOTA, dokumenId: documentId, locale: null, keadaan, label: 'x', penanggungJawab: [], mulai: '2026-11-20T00:00:00Z', berisikoPada: atRisk, jatuhTempo: due, ...extra };
}
const ITEMS = new Map([[`${NOTULEN}#tindakLanjut`, { uid: NOTULEN, type: 'notulen', procedure: 'Notulen', itemLabel: 'Tindak lanjut' }]]);

describe('collectWork', () => {
  const documents = [
    doc('a', 'menunggu_paraf', ['koordinator'], 'Nota A'),
    doc('b', 'menunggu_paraf', ['koordinator'], 'Nota B'),
    doc('c', 'menunggu_tanda_tangan', ['kepala-dinas'], 'Nota C'),
    doc('d', 'dikembalikan', ['koordinator'], 'Nota D'),
  ];
  const timers = [
    timer('a', 'menunggu_paraf', '2026-11-20T04:00:00Z', '2026-11-20T05:00:00Z'), // on track
    timer('b', 'menunggu_paraf', '2026-11-20T01:00:00Z', '2026-11-20T02:00:00Z'), // breached
    timer('c', 'menunggu_tanda_tangan', '2026-11-20T02:00:00Z', '2026-11-20T04:00:00Z'), // at risk
  ];

  test("only the user's roles, soonest due first, untimed last, with status and link", () => {
    const work = collectWork(documents, timers, { email: 'k@x.id', roles: ['koordinator'] }, now, ITEMS);
    expect(work.map((w) => [w.documentId, w.status])).toEqual([
      ['b', 'breached'],
      ['a', 'on_track'],
      ['d', 'none'],
    ]);
    expect(work[0]).toMatchObject({ stateLabel: 'Label menunggu_paraf', dueAt: '2026-11-20T02:00:00.000Z', link: `/content-manager/collection-types/${NOTA}/b` });
    expect(work[2].dueAt).toBeNull();
  });

  test('another role sees other items; nobody sees work of no role', () => {
    expect(collectWork(documents, timers, { email: 'kd@x.id', roles: ['kepala-dinas'] }, now, ITEMS).map((w) => [w.documentId, w.status])).toEqual([['c', 'at_risk']]);
    expect(collectWork(documents, timers, { email: 'o@x.id', roles: ['operator'] }, now, ITEMS)).toEqual([]);
  });

  test("a timer of another state (stale) does not lend its due time", () => {
    const work = collectWork([doc('a', 'menunggu_tanda_tangan', ['kepala-dinas'])], timers, { email: 'x', roles: ['kepala-dinas'] }, now, ITEMS);
    expect(work[0].status).toBe('none');
  });

  test('follow-up items addressed to the user by e-mail (case-insensitive), not by role', () => {
    const item = timer('doc9:4', 'tindakLanjut:baru', '2026-11-19T00:00:00Z', '2026-11-21T00:00:00Z', {
      jenisKonten: `${NOTULEN}#tindakLanjut`,
      penanggungJawab: ['email:Dev@PPID.test'],
      label: 'Tindak lanjut: perbaiki menu',
    });
    const work = collectWork([], [item], { email: 'dev@ppid.test', roles: ['web-developer'] }, now, ITEMS);
    expect(work).toHaveLength(1);
    expect(work[0]).toMatchObject({ kind: 'item', documentId: 'doc9', state: 'baru', status: 'at_risk', title: 'Tindak lanjut: perbaiki menu', link: `/content-manager/collection-types/${NOTULEN}/doc9` });
    expect(collectWork([], [item], { email: 'other@ppid.test', roles: ['web-developer'] }, now, ITEMS)).toEqual([]);
  });

  test('counts per procedure and pages', () => {
    const work = collectWork(documents, timers, { email: 'x', roles: ['koordinator', 'kepala-dinas'] }, now, ITEMS);
    expect(countByProcedure(work)).toEqual([{ type: 'nota-permintaan', procedure: 'Nota Permintaan', total: 4, breached: 1, atRisk: 1 }]);
    expect(paginate(work, 2, 3)).toMatchObject({ data: [work[3]], pagination: { page: 2, pageSize: 3, total: 4, pageCount: 2 } });
  });
});

test('timerConcerns: roles or direct address', () => {
  expect(timerConcerns({ penanggungJawab: ['operator'] }, { email: 'a', roles: ['operator'] })).toBe(true);
  expect(timerConcerns({ penanggungJawab: ['email:a@b.c'] }, { email: 'a@b.c', roles: [] })).toBe(true);
  expect(timerConcerns({ penanggungJawab: 'operator' }, { email: 'a', roles: ['operator'] })).toBe(false);
});

test('readPaging refuses what is not a page', () => {
  expect(readPaging({})).toEqual({ page: 1, pageSize: 10 });
  expect(readPaging({ page: '2', pageSize: '100' })).toEqual({ page: 2, pageSize: 100 });
  for (const q of [{ page: '0' }, { pageSize: '101' }, { page: '-1' }, { page: '1.5' }, { pageSize: 'x' }, { page: ['1'] }]) expect(readPaging(q)).toBeNull();
});

describe('compliance', () => {
  const rows = [
    { dokumenId: 'unggah_bulanan', mulai: '2026-09-01T00:00:00Z', berisikoPada: '2026-09-25T00:00:00Z', jatuhTempo: '2026-10-01T00:00:00Z', ditutupPada: '2026-10-05T00:00:00Z' },
    { dokumenId: 'unggah_bulanan', mulai: '2026-10-05T00:00:00Z', berisikoPada: '2026-10-29T00:00:00Z', jatuhTempo: '2026-11-05T00:00:00Z', ditutupPada: null },
    { dokumenId: 'evaluasi_koordinator', mulai: '2026-11-01T00:00:00Z', berisikoPada: '2026-11-25T00:00:00Z', jatuhTempo: '2026-12-01T00:00:00Z', ditutupPada: null },
    { dokumenId: 'segarkan_berkala:x', mulai: '2026-06-01T00:00:00Z', berisikoPada: '2026-11-01T00:00:00Z', jatuhTempo: '2026-12-01T00:00:00Z', ditutupPada: null },
    { dokumenId: 'segarkan_berkala:y', mulai: '2026-05-01T00:00:00Z', berisikoPada: '2026-10-01T00:00:00Z', jatuhTempo: '2026-11-01T00:00:00Z', ditutupPada: null },
  ];
  test('last fulfilment, next due and status of an obligation', () => {
    expect(obligationStatus('unggah_bulanan', 'Unggah', rows, now)).toEqual({
      name: 'unggah_bulanan',
      label: 'Unggah',
      lastFulfilledAt: '2026-10-05T00:00:00.000Z',
      nextDueAt: '2026-11-05T00:00:00.000Z',
      status: 'breached',
    });
    expect(obligationStatus('evaluasi_koordinator', 'E', rows, now)).toMatchObject({ lastFulfilledAt: null, status: 'on_track' });
    expect(obligationStatus('rencana_konten', 'R', rows, now)).toMatchObject({ nextDueAt: null, status: 'none' });
  });
  test('berkala entries aggregate to the worst and soonest', () => {
    expect(aggregateObligation('segarkan_berkala', 'B', rows, now)).toMatchObject({
      nextDueAt: '2026-11-01T00:00:00.000Z',
      status: 'breached',
      count: { total: 2, atRisk: 1, breached: 1 },
    });
  });
  test('the month starts on the WIB calendar', () => {
    expect(startOfLocalMonth(new Date('2026-11-30T18:00:00Z'), 420).toISOString()).toBe('2026-11-30T17:00:00.000Z'); // already 1 Dec WIB
    expect(startOfLocalMonth(now, 420).toISOString()).toBe('2026-10-31T17:00:00.000Z');
  });
  test('breaches this month per step: late steps and overdue waiting ones', () => {
    const monthStart = startOfLocalMonth(now, 420);
    const describe = (kind: string, state: string) => (kind === NOTA ? { type: 'nota-permintaan', procedure: 'Nota', stateLabel: `L ${state}` } : null);
    const result = breachesThisMonth(
      [
        { jenisKonten: NOTA, dari: 'menunggu_paraf', waktu: '2026-11-03T00:00:00Z' },
        { jenisKonten: NOTA, dari: 'menunggu_paraf', waktu: '2026-10-30T00:00:00Z' }, // last month
        { jenisKonten: 'kewajiban', dari: 'unggah_bulanan', waktu: '2026-11-03T00:00:00Z' }, // not a step
      ],
      [
        { jenisKonten: NOTA, keadaan: 'menunggu_paraf', jatuhTempo: '2026-11-19T00:00:00Z' },
        { jenisKonten: NOTA, keadaan: 'menunggu_unggah', jatuhTempo: '2026-11-25T00:00:00Z' }, // not yet due
      ],
      monthStart,
      now,
      describe,
    );
    expect(result).toEqual([{ type: 'nota-permintaan', procedure: 'Nota', state: 'menunggu_paraf', stateLabel: 'L menunggu_paraf', closedLate: 1, openOverdue: 1 }]);
  });
  test('who reads it', () => {
    expect(mayReadCompliance(['kepala-dinas'], false)).toBe(true);
    expect(mayReadCompliance(['koordinator'], false)).toBe(true);
    expect(mayReadCompliance([], true)).toBe(true);
    expect(mayReadCompliance(['operator', 'sub-koordinator'], false)).toBe(false);
  });
});
