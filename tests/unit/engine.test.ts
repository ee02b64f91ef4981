import { ROLE_LABELS } from '../../src/roles/definitions';
import {
  assertValidDefinition,
  availableTransitions,
  decide,
  validateDefinition,
} from '../../src/workflow/engine';
import type { Actor, TransitionDef, WorkflowDefinition } from '../../src/workflow/types';

const ALL_ROLES = ['kepala-dinas', 'koordinator', 'kepala-bidang', 'sub-koordinator', 'operator', 'web-developer'];

/** A miniature of the nota-permintaan procedure. */
const def: WorkflowDefinition = {
  uid: 'api::nota-test.nota-test',
  name: 'nota-test',
  field: 'statusAlur',
  initial: 'konsep',
  // What the registry attaches from the roles module.
  roleLabels: ROLE_LABELS,
  states: {
    konsep: { label: 'Konsep', sla: { minutes: 60, calendar: 'business' }, responsible: ['sub-koordinator'] },
    menunggu_paraf: { label: 'Menunggu paraf', sla: { minutes: 10, calendar: 'business' }, responsible: ['koordinator'] },
    menunggu_ttd: { label: 'Menunggu tanda tangan', sla: { minutes: 10, calendar: 'business' } },
    dikembalikan: { label: 'Dikembalikan', sla: { workingDays: 1, calendar: 'business' } },
    selesai: { label: 'Selesai', final: true },
  },
  transitions: [
    { from: ['konsep', 'dikembalikan'], to: 'menunggu_paraf', roles: ['sub-koordinator'], label: 'Ajukan' },
    { from: 'menunggu_paraf', to: 'menunggu_ttd', roles: ['koordinator'], label: 'Paraf konsep', separateFromAuthor: true },
    { from: ['menunggu_paraf', 'menunggu_ttd'], to: 'dikembalikan', roles: ['koordinator', 'kepala-dinas'], label: 'Kembalikan', noteRequired: true },
    { from: 'menunggu_ttd', to: 'selesai', roles: ['kepala-dinas'], label: 'Tandatangani', separateFromAuthor: true },
    { from: 'dikembalikan', to: 'konsep', roles: ['sub-koordinator'], label: 'Perbaiki' },
  ],
};

/** Expected legal moves, written out independently of the engine: "from>to" -> roles. */
const LEGAL: Record<string, string[]> = {
  'konsep>menunggu_paraf': ['sub-koordinator'],
  'dikembalikan>menunggu_paraf': ['sub-koordinator'],
  'menunggu_paraf>menunggu_ttd': ['koordinator'],
  'menunggu_paraf>dikembalikan': ['koordinator', 'kepala-dinas'],
  'menunggu_ttd>dikembalikan': ['koordinator', 'kepala-dinas'],
  'menunggu_ttd>selesai': ['kepala-dinas'],
  'dikembalikan>konsep': ['sub-koordinator'],
};
const STATES = Object.keys(def.states);

const actor = (roles: string[], id: number | string = 1, isSuperAdmin = false): Actor => ({ id, roles, isSuperAdmin });
const superAdmin = actor([], 99, true);

function clone(d: WorkflowDefinition): WorkflowDefinition {
  return JSON.parse(JSON.stringify(d));
}

describe('validateDefinition', () => {
  it('accepts the test definition', () => {
    expect(validateDefinition(def)).toEqual([]);
    expect(() => assertValidDefinition(def)).not.toThrow();
  });

  const cases: [string, (d: WorkflowDefinition) => void, RegExp][] = [
    ['initial not a state', (d) => { d.initial = 'nope'; }, /initial state "nope" is not a state/],
    ['unknown from state', (d) => { d.transitions[0].from = ['konsep', 'ghost']; }, /unknown "from" state "ghost"/],
    ['unknown to state', (d) => { d.transitions[4].to = 'ghost'; }, /unknown "to" state "ghost"/],
    ['non-final state without a way out', (d) => { d.transitions = d.transitions.filter((t) => t.label !== 'Tandatangani' && t.label !== 'Kembalikan'); d.states.selesai.final = true; }, /"menunggu_ttd" is not final but has no transition out/],
    ['unreachable state', (d) => { d.states.arsip = { label: 'Arsip', final: true }; }, /"arsip" is unreachable/],
    ['sla with both durations', (d) => { d.states.konsep.sla = { minutes: 60, workingDays: 1, calendar: 'business' }; }, /"konsep": sla must have exactly one/],
    ['sla with neither duration', (d) => { d.states.konsep.sla = { calendar: 'business' }; }, /"konsep": sla must have exactly one/],
    ['zero minutes', (d) => { d.states.konsep.sla = { minutes: 0, calendar: 'business' }; }, /sla.minutes must be a positive number/],
    ['negative working days', (d) => { d.states.konsep.sla = { workingDays: -2, calendar: 'business' }; }, /sla.workingDays must be a positive integer/],
    ['fractional working days', (d) => { d.states.konsep.sla = { workingDays: 1.5, calendar: '24x7' }; }, /sla.workingDays must be a positive integer/],
    ['unknown calendar', (d) => { (d.states.konsep.sla as { calendar: string }).calendar = 'weekly'; }, /sla.calendar must be/],
    ['transition without roles', (d) => { d.transitions[0].roles = []; }, /no role may take it/],
    ['unknown role code (typo)', (d) => { d.transitions[0].roles = ['subkoordinator']; }, /unknown role "subkoordinator"/],
    ['duplicate (from,to)', (d) => { d.transitions.push({ from: 'konsep', to: 'menunggu_paraf', roles: ['operator'], label: 'Lagi' }); }, /duplicate transition "konsep" -> "menunggu_paraf"/],
    ['onEditFrom with unknown states', (d) => { d.onEditFrom = { disetujui: 'konsep', selesai: 'draft' }; }, /onEditFrom: unknown state "disetujui"/],
  ];
  it.each(cases)('reports %s', (_name, mutate, expected) => {
    const d = clone(def);
    mutate(d);
    const problems = validateDefinition(d);
    expect(problems.some((p) => expected.test(p))).toBe(true);
    expect(() => assertValidDefinition(d)).toThrow(expected);
  });

  it('reports every problem at once, not just the first', () => {
    const d = clone(def);
    d.initial = 'nope';
    d.states.konsep.sla = { minutes: -1, calendar: 'business' };
    const problems = validateDefinition(d);
    expect(problems.length).toBeGreaterThanOrEqual(2);
    expect(() => assertValidDefinition(d)).toThrow(/Invalid workflow definition "api::nota-test.nota-test"/);
  });

  it('accepts valid onEditFrom and final states without exits', () => {
    const d = clone(def);
    d.onEditFrom = { selesai: 'konsep' };
    expect(validateDefinition(d)).toEqual([]);
  });
});

describe('decide — exhaustive over every (state, to) pair and every role', () => {
  const pairs = STATES.flatMap((s) => STATES.map((t) => [s, t] as [string, string]));

  it.each(pairs)('%s -> %s', (state, to) => {
    const owners = LEGAL[`${state}>${to}`];
    for (const role of ALL_ROLES) {
      const d = decide(def, { state, to, actor: actor([role], 5), note: 'catatan', authorId: 1, separationOfDuties: true });
      if (!owners) {
        expect(d).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' });
      } else if (owners.includes(role)) {
        expect(d).toEqual({ ok: true, from: state, to, transition: expect.objectContaining({ to }), forced: false });
      } else {
        expect(d).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
      }
    }
    // A super admin without an SOP role is not let through silently.
    const sa = decide(def, { state, to, actor: superAdmin, note: 'x', separationOfDuties: false });
    expect(sa).toMatchObject({ ok: false, code: owners ? 'FORBIDDEN_ROLE' : 'ILLEGAL_TRANSITION' });
  });

  it('availableTransitions agrees with decide for every state and role', () => {
    for (const state of STATES) {
      for (const role of ALL_ROLES) {
        const got = availableTransitions(def, state, actor([role]), { separationOfDuties: false }).map((t) => t.to).sort();
        const expected = STATES.filter((to) => LEGAL[`${state}>${to}`]?.includes(role)).sort();
        expect(got).toEqual(expected);
      }
    }
  });
});

describe('decide — messages and details', () => {
  it('ILLEGAL_TRANSITION names the possible steps with their role owners, in Indonesian', () => {
    const d = decide(def, { state: 'menunggu_paraf', to: 'selesai', actor: actor(['koordinator']), separationOfDuties: false });
    expect(d.ok).toBe(false);
    if (d.ok) return;
    expect(d.message).toBe(
      'Transisi dari "Menunggu paraf" ke "Selesai" tidak diizinkan. Langkah yang mungkin: ' +
        '"Paraf konsep" (Koordinator), "Kembalikan" (Koordinator atau Kepala Dinas).',
    );
    expect(d.allowed).toEqual([
      { to: 'menunggu_ttd', label: 'Paraf konsep', roles: ['koordinator'] },
      { to: 'dikembalikan', label: 'Kembalikan', roles: ['koordinator', 'kepala-dinas'] },
    ]);
  });

  it('ILLEGAL_TRANSITION from a final state says there is no next step', () => {
    const d = decide(def, { state: 'selesai', to: 'konsep', actor: actor(['kepala-dinas']), separationOfDuties: false });
    expect(d).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION', allowed: [] });
    if (!d.ok) expect(d.message).toMatch(/tidak ada langkah lanjutan/);
  });

  it('staying in the same state without a self-transition is illegal', () => {
    const d = decide(def, { state: 'konsep', to: 'konsep', actor: actor(ALL_ROLES), separationOfDuties: false });
    expect(d).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' });
  });

  it('FORBIDDEN_ROLE names the role that may act', () => {
    const d = decide(def, { state: 'menunggu_ttd', to: 'selesai', actor: actor(['operator']), separationOfDuties: false });
    expect(d).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE', message: 'Langkah "Tandatangani" hanya dapat dilakukan oleh Kepala Dinas.' });
  });

  it('FORBIDDEN_ROLE for a super admin hints at force', () => {
    const d = decide(def, { state: 'menunggu_ttd', to: 'selesai', actor: superAdmin, separationOfDuties: false });
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.message).toMatch(/Super Admin dapat memaksa/);
  });

  it('an actor with several roles may use any of them; an actor with none may not act', () => {
    expect(decide(def, { state: 'menunggu_ttd', to: 'selesai', actor: actor(['operator', 'kepala-dinas']), separationOfDuties: false }).ok).toBe(true);
    expect(decide(def, { state: 'konsep', to: 'menunggu_paraf', actor: actor([]), separationOfDuties: false })).toMatchObject({ code: 'FORBIDDEN_ROLE' });
  });

  it('UNKNOWN_STATE for an unknown current or target state', () => {
    const a = actor(['koordinator']);
    expect(decide(def, { state: 'ghost', to: 'konsep', actor: a, separationOfDuties: false })).toMatchObject({ ok: false, code: 'UNKNOWN_STATE', allowed: [] });
    const d = decide(def, { state: 'menunggu_paraf', to: 'ghost', actor: a, separationOfDuties: false });
    expect(d).toMatchObject({ ok: false, code: 'UNKNOWN_STATE', message: 'Status "ghost" tidak dikenal pada alur "nota-test".' });
    if (!d.ok) expect(d.allowed.map((s) => s.to)).toEqual(['menunggu_ttd', 'dikembalikan']);
    // Unknown state wins even when forcing.
    expect(decide(def, { state: 'konsep', to: 'ghost', actor: superAdmin, note: 'x', force: true, separationOfDuties: false })).toMatchObject({ code: 'UNKNOWN_STATE' });
  });
});

describe('decide — note required', () => {
  const base = { state: 'menunggu_paraf', to: 'dikembalikan', actor: actor(['koordinator']), separationOfDuties: false };
  it.each([undefined, null, '', '   ', '\n\t'])('refuses note %p', (note) => {
    expect(decide(def, { ...base, note })).toMatchObject({
      ok: false,
      code: 'NOTE_REQUIRED',
      message: 'Langkah "Kembalikan" wajib disertai catatan.',
    });
  });
  it('accepts a non-blank note', () => {
    expect(decide(def, { ...base, note: ' Lampiran kurang ' })).toMatchObject({ ok: true, forced: false });
  });
  it('a transition without noteRequired needs no note', () => {
    expect(decide(def, { ...base, to: 'menunggu_ttd', note: null })).toMatchObject({ ok: true });
  });
});

describe('decide — separation of duties', () => {
  const koor = actor(['koordinator'], 7);
  const base = { state: 'menunggu_paraf', to: 'menunggu_ttd', actor: koor };

  it('refuses the author when the setting is on', () => {
    const d = decide(def, { ...base, authorId: 7, separationOfDuties: true });
    expect(d).toMatchObject({ ok: false, code: 'SEPARATION_OF_DUTIES' });
    if (!d.ok) expect(d.message).toMatch(/pemisahan tugas.*Koordinator lain/);
  });
  it('compares ids across number/string representations', () => {
    expect(decide(def, { ...base, authorId: '7', separationOfDuties: true })).toMatchObject({ code: 'SEPARATION_OF_DUTIES' });
    expect(decide(def, { ...base, actor: actor(['koordinator'], '7'), authorId: 7, separationOfDuties: true })).toMatchObject({ code: 'SEPARATION_OF_DUTIES' });
  });
  it('allows the author when the setting is off', () => {
    expect(decide(def, { ...base, authorId: 7, separationOfDuties: false })).toMatchObject({ ok: true });
  });
  it('allows someone else, and allows when the author is unknown', () => {
    expect(decide(def, { ...base, authorId: 8, separationOfDuties: true })).toMatchObject({ ok: true });
    expect(decide(def, { ...base, authorId: null, separationOfDuties: true })).toMatchObject({ ok: true });
    expect(decide(def, { ...base, separationOfDuties: true })).toMatchObject({ ok: true });
  });
  it('does not apply to transitions without separateFromAuthor', () => {
    const d = decide(def, { state: 'menunggu_paraf', to: 'dikembalikan', actor: koor, note: 'x', authorId: 7, separationOfDuties: true });
    expect(d).toMatchObject({ ok: true });
  });
  it('availableTransitions hides the blocked step only while the setting is on', () => {
    const on = availableTransitions(def, 'menunggu_paraf', koor, { authorId: 7, separationOfDuties: true }).map((t) => t.label);
    const off = availableTransitions(def, 'menunggu_paraf', koor, { authorId: 7, separationOfDuties: false }).map((t) => t.label);
    expect(on).toEqual(['Kembalikan']);
    expect(off).toEqual(['Paraf konsep', 'Kembalikan']);
  });
  it('role is checked before authorship (a non-owner gets FORBIDDEN_ROLE, not SoD)', () => {
    expect(decide(def, { ...base, actor: actor(['operator'], 7), authorId: 7, separationOfDuties: true })).toMatchObject({ code: 'FORBIDDEN_ROLE' });
  });
});

describe('decide — force', () => {
  it('is refused for anyone but a super admin, whatever their roles', () => {
    const d = decide(def, { state: 'konsep', to: 'selesai', actor: actor(ALL_ROLES), note: 'darurat', force: true, separationOfDuties: false });
    expect(d).toMatchObject({ ok: false, code: 'FORCE_NOT_ALLOWED' });
  });
  it.each([undefined, null, '', '  '])('needs a reason (note %p)', (note) => {
    expect(decide(def, { state: 'konsep', to: 'selesai', actor: superAdmin, note, force: true, separationOfDuties: false })).toMatchObject({
      ok: false,
      code: 'FORCE_REASON_REQUIRED',
    });
  });
  it('may go to any other existing state, marked forced', () => {
    for (const state of STATES) {
      for (const to of STATES) {
        const d = decide(def, { state, to, actor: superAdmin, note: 'koreksi data', force: true, separationOfDuties: true, authorId: 99 });
        if (state === to) expect(d).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' });
        else expect(d).toMatchObject({ ok: true, from: state, to, forced: true });
      }
    }
  });
  it('keeps the matching regular transition for the audit trail, null when there is none', () => {
    const legal = decide(def, { state: 'menunggu_ttd', to: 'selesai', actor: superAdmin, note: 'x', force: true, separationOfDuties: false });
    const illegal = decide(def, { state: 'konsep', to: 'selesai', actor: superAdmin, note: 'x', force: true, separationOfDuties: false });
    expect(legal.ok && legal.transition?.label).toBe('Tandatangani');
    expect(illegal.ok && illegal.transition).toBeNull();
  });
  it('force:false behaves like a normal request', () => {
    expect(decide(def, { state: 'konsep', to: 'selesai', actor: superAdmin, note: 'x', force: false, separationOfDuties: false })).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
  });
});

describe('role names', () => {
  it('the roles module has a short name for every SOP role (and the atasan PPID)', () => {
    expect(ROLE_LABELS).toEqual({
      'kepala-dinas': 'Kepala Dinas',
      koordinator: 'Koordinator',
      'kepala-bidang': 'Kepala Bidang',
      'sub-koordinator': 'Sub Koordinator',
      operator: 'Operator',
      'web-developer': 'Web Developer',
      'atasan-ppid': 'Atasan PPID',
    });
  });
  it('lists three or more roles as "A, B atau C"', () => {
    const t: TransitionDef = { from: 'konsep', to: 'selesai', roles: ['operator', 'web-developer', 'kepala-bidang'], label: 'Tutup' };
    const d2: WorkflowDefinition = { ...def, transitions: [...def.transitions, t] };
    const d = decide(d2, { state: 'konsep', to: 'selesai', actor: actor(['koordinator']), separationOfDuties: false });
    expect(!d.ok && d.message).toBe('Langkah "Tutup" hanya dapat dilakukan oleh Operator, Web Developer atau Kepala Bidang.');
  });
});
