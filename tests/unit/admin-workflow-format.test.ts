import {
  canConfirm,
  currentLocale,
  describeError,
  documentQueryParams,
  formatWib,
  formatWibShort,
  loadErrorKey,
  receiptsToConfirm,
  receiptUrl,
  panelLanguage,
  slaBadge,
  stateBadgeVariant,
  timerBadge,
  transitionBody,
  visibleHistory,
  workflowTypeOf,
  workflowUrl,
} from '../../src/admin/workflow/format';
import { WORKFLOW_MESSAGES, workflowTranslations } from '../../src/admin/workflow/messages';

describe('WIB dates', () => {
  test('the due time in Indonesian, in Asia/Jakarta whatever the machine zone', () => {
    // 03:30 UTC is 10:30 WIB on Monday 23 November 2026.
    expect(formatWib('2026-11-23T03:30:00.000Z')).toBe('Senin, 23 November 2026 10.30 WIB');
    expect(formatWib('2026-11-23T03:30:00.000Z', 'en')).toBe('Monday, 23 November 2026 10:30 WIB');
    // 17:05 UTC on Saturday is already Sunday 00:05 WIB.
    expect(formatWib(new Date('2026-08-15T17:05:00Z'))).toBe('Minggu, 16 Agustus 2026 00.05 WIB');
    expect(formatWibShort('2026-01-02T01:02:00Z')).toBe('2 Jan 2026 08.02 WIB');
    expect(formatWibShort('2026-05-02T01:02:00Z', 'en')).toBe('2 May 2026 08:02 WIB');
    expect(formatWib('not a date')).toBe('');
  });

  test('English admins get English dates, everybody else Indonesian', () => {
    expect(panelLanguage('en')).toBe('en');
    expect(panelLanguage('en-GB')).toBe('en');
    expect(panelLanguage('id')).toBe('id');
    expect(panelLanguage(undefined)).toBe('id');
  });
});

describe('badges', () => {
  test('timer status: on track green, at risk amber, breached red', () => {
    expect(timerBadge('on_track')).toEqual({ variant: 'success', messageKey: 'timer.onTrack' });
    expect(timerBadge('at_risk')).toEqual({ variant: 'warning', messageKey: 'timer.atRisk' });
    expect(timerBadge('breached')).toEqual({ variant: 'danger', messageKey: 'timer.breached' });
    // A step waiting on someone else (the memo's Operator while DIP entries await approval).
    expect(timerBadge('paused')).toEqual({ variant: 'neutral', messageKey: 'timer.paused' });
    expect(timerBadge('weird').variant).toBe('neutral');
    expect(WORKFLOW_MESSAGES['timer.onTrack'].id).toBe('Sesuai jadwal');
    expect(WORKFLOW_MESSAGES['timer.atRisk'].id).toBe('Hampir jatuh tempo');
    expect(WORKFLOW_MESSAGES['timer.breached'].id).toBe('Terlambat');
  });

  test('final states in the success colour; SLA outcome only when there was an SLA', () => {
    expect(stateBadgeVariant({ final: true })).toBe('success');
    expect(stateBadgeVariant({ final: false })).toBe('primary');
    expect(slaBadge(true)?.variant).toBe('success');
    expect(slaBadge(false)?.variant).toBe('danger');
    expect(slaBadge(null)).toBeNull();
  });
});

describe('history and dialog rules', () => {
  const entry = (seq: number) => ({ seq, at: new Date(Date.UTC(2026, 0, 1, 0, seq)).toISOString() });

  test('newest first, at most 10 unless all are asked for', () => {
    const history = Array.from({ length: 13 }, (_, i) => entry(i + 1));
    expect(visibleHistory(history, false).map((e) => e.seq)).toEqual([13, 12, 11, 10, 9, 8, 7, 6, 5, 4]);
    expect(visibleHistory(history, true)).toHaveLength(13);
    expect(history[0].seq).toBe(1); // the input is not reordered
  });

  test('a required note must not be blank; the body carries the state the user saw', () => {
    expect(canConfirm({ noteRequired: true }, '   ')).toBe(false);
    expect(canConfirm({ noteRequired: true }, 'Perbaiki perihal')).toBe(true);
    expect(canConfirm({ noteRequired: false }, '')).toBe(true);
    expect(canConfirm({ noteRequired: false }, '', true)).toBe(false);
    expect(transitionBody('menunggu_paraf', '  ', 'penyusunan_konsep')).toEqual({ to: 'menunggu_paraf', note: null, from: 'penyusunan_konsep' });
    expect(transitionBody('dikembalikan', 'Lengkapi', 'menunggu_paraf').note).toBe('Lengkapi');
  });
});

describe('API plumbing', () => {
  const types = [
    { uid: 'api::nota-permintaan.nota-permintaan', name: 'nota-permintaan', perLocale: false, field: 'statusAlur', states: [] },
    { uid: 'api::dip-document.dip-document', name: 'dip-document', perLocale: true, field: 'statusAlur', states: [] },
  ];

  test('the panel shows for the types the server lists, and only those', () => {
    expect(workflowTypeOf(types, 'api::dip-document.dip-document')?.name).toBe('dip-document');
    expect(workflowTypeOf(types, 'api::bidang.bidang')).toBeNull();
    expect(workflowTypeOf(types, undefined)).toBeNull();
  });

  test('URLs: the locale only for per-locale types', () => {
    expect(workflowUrl(types[0], 'abc', 'en')).toBe('/ppid/workflow/nota-permintaan/abc');
    expect(workflowUrl(types[1], 'abc', 'en', '/transitions')).toBe('/ppid/workflow/dip-document/abc/transitions?locale=en');
  });

  test('errors of the admin fetch client', () => {
    const err = { name: 'FetchError', status: 409, response: { data: { error: { status: 409, message: 'Status dokumen sudah berubah' } } } };
    expect(describeError(err)).toEqual({ status: 409, message: 'Status dokumen sudah berubah', aborted: false });
    expect(describeError({ name: 'AbortError' }).aborted).toBe(true);
    expect(describeError(new Error('network'))).toEqual({ status: null, message: null, aborted: false });
    expect(loadErrorKey(403)).toBe('error.forbidden');
    expect(WORKFLOW_MESSAGES[loadErrorKey(403)].id).toBe('Anda tidak memiliki akses ke alur kerja dokumen ini.');
    expect(loadErrorKey(500)).toBe('error.generic');
  });

  test('the document query params and locale the edit view uses', () => {
    expect(documentQueryParams({ status: 'draft', plugins: { i18n: { locale: 'en' } } })).toEqual({ status: 'draft', locale: 'en' });
    expect(documentQueryParams({})).toEqual({});
    expect(currentLocale('en', { plugins: { i18n: { locale: 'id' } } })).toBe('en');
    expect(currentLocale(undefined, { plugins: { i18n: { locale: 'en' } } })).toBe('en');
    expect(currentLocale(undefined, {})).toBe('id');
  });

  test('every string has Indonesian and English', () => {
    const id = workflowTranslations('id');
    const en = workflowTranslations('en');
    expect(Object.keys(id).sort()).toEqual(Object.keys(en).sort());
    expect(id['ppid.workflow.panel.title']).toBe('Alur kerja');
    expect(en['ppid.workflow.panel.title']).toBe('Workflow');
    for (const value of [...Object.values(id), ...Object.values(en)]) expect(value.trim()).not.toBe('');
  });
});

describe('receiptsToConfirm: the Kabid of a target unit sees the receipt button', () => {
  const receipt = (unit: string, kabid: string[], at: string | null = null) => ({ unit, kepalaBidang: kabid, diterimaOleh: at ? kabid[0] : null, diterimaPada: at });
  const status = {
    extra: {
      penerimaan: [
        receipt('Bidang Humas', ['kabid.humas@ppid.test']),
        receipt('Sekretariat', ['kabid.sekretariat@ppid.test'], '2026-11-29T03:00:00.000Z'),
        receipt('Bidang TIK', ['Kabid.Humas@ppid.test', 'kabid.tik@ppid.test']),
      ],
    },
  };

  test('only the open receipts of units the user heads (e-mail case does not matter)', () => {
    expect(receiptsToConfirm(status, 'KABID.HUMAS@ppid.test').map((r) => r.unit)).toEqual(['Bidang Humas', 'Bidang TIK']);
    expect(receiptsToConfirm(status, 'kabid.tik@ppid.test').map((r) => r.unit)).toEqual(['Bidang TIK']);
  });

  test('nothing for a unit already confirmed, another user, no user or no receipts', () => {
    expect(receiptsToConfirm(status, 'kabid.sekretariat@ppid.test')).toEqual([]);
    expect(receiptsToConfirm(status, 'operator@ppid.test')).toEqual([]);
    expect(receiptsToConfirm(status, null)).toEqual([]);
    expect(receiptsToConfirm({ extra: {} }, 'kabid.humas@ppid.test')).toEqual([]);
    expect(receiptsToConfirm(null, 'kabid.humas@ppid.test')).toEqual([]);
  });

  test('the route is the memo type\'s receipt route', () => {
    expect(receiptUrl('nota-permintaan', 'abc/1')).toBe('/ppid/nota-permintaan/abc%2F1/penerimaan');
  });
});
