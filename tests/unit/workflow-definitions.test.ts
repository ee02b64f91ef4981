import { env } from '@strapi/utils';
import ppidConfig from '../../config/ppid';
import { decide, transitionsFrom } from '../../src/workflow/engine';
import { buildRegistry } from '../../src/workflow/registry';
import { WORKFLOW_DEFINITIONS } from '../../src/workflows';
import { tindakLanjutWorkflow } from '../../src/api/notulen/workflow';
import { tindakLanjutRapatWorkflow } from '../../src/api/laporan-evaluasi/workflow';
import type { WorkflowDefinition } from '../../src/workflow/types';
import { ROLE_CODES, ROLE_LABELS } from '../../src/roles/definitions';
import fs from 'node:fs';
import path from 'node:path';

process.env.PPID_MFA_KEY = 'k';
const schemaEnum = (uid: string, field: string) => {
  const [category, name] = uid.replace('api::', '').split('.');
  const file = uid.startsWith('api::') ? `../../src/api/${name}/content-types/${name}/schema.json` : `../../src/components/${category}/${name}.json`;
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, file), 'utf8'));
  return schema.attributes[field]?.enum ?? null;
};
const registry = buildRegistry(WORKFLOW_DEFINITIONS, ppidConfig({ env }), schemaEnum, ROLE_LABELS);
const nota = registry.byName.get('nota-permintaan')!;

test('the memo follows the six SOP steps, each owned by its SOP role, with the SOP durations', () => {
  const path = [
    ['penyusunan_konsep', 'menunggu_paraf', 'sub-koordinator', { minutes: 60 }],
    ['menunggu_paraf', 'menunggu_tanda_tangan', 'koordinator', { minutes: 10 }],
    ['menunggu_tanda_tangan', 'menunggu_distribusi', 'kepala-dinas', { minutes: 10 }],
    ['menunggu_distribusi', 'menunggu_dip', 'sub-koordinator', { minutes: 10 }],
    ['menunggu_dip', 'menunggu_unggah', 'sub-koordinator', { workingDays: 7 }],
    ['menunggu_unggah', 'selesai', 'operator', { workingDays: 2 }],
  ] as const;
  for (const [from, to, role, sla] of path) {
    expect(nota.states[from].sla).toEqual({ ...sla, calendar: 'business' });
    const step = transitionsFrom(nota, from).find((t) => t.to === to)!;
    expect(step.roles).toEqual([role]);
  }
  expect(nota.states.selesai.final).toBe(true);
});

test('a reviewer can send the memo back only with a note', () => {
  for (const [from, role] of [['menunggu_paraf', 'koordinator'], ['menunggu_tanda_tangan', 'kepala-dinas']] as const) {
    const actor = { id: 2, roles: [role], isSuperAdmin: false };
    const noNote = decide(nota, { state: from, to: 'dikembalikan', actor, note: '  ', separationOfDuties: true, authorId: 1 });
    expect(noNote).toMatchObject({ ok: false, code: 'NOTE_REQUIRED' });
    expect(decide(nota, { state: from, to: 'dikembalikan', actor, note: 'Perbaiki perihal', separationOfDuties: true, authorId: 1 }).ok).toBe(true);
  }
});

/** Every (state, target, role) of every real definition: legal for exactly the owning roles. */
test.each([...WORKFLOW_DEFINITIONS.map((d) => [d.name]), ['tindak-lanjut'], ['tindak-lanjut-rapat']])('%s: every legal and illegal transition, for every role', (name) => {
  const def = (registry.byName.get(name) ?? (name === 'tindak-lanjut-rapat' ? tindakLanjutRapatWorkflow : tindakLanjutWorkflow)) as WorkflowDefinition;
  const states = Object.keys(def.states);
  let legal = 0;
  for (const from of states) {
    for (const to of states) {
      const step = transitionsFrom(def, from).find((t) => t.to === to);
      for (const role of ROLE_CODES) {
        const decision = decide(def, {
          state: from,
          to,
          actor: { id: 99, roles: [role], isSuperAdmin: false },
          note: 'catatan',
          authorId: 1,
          separationOfDuties: true,
        });
        if (!step) {
          expect(decision).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' });
        } else if (step.roles.includes(role)) {
          expect(decision).toMatchObject({ ok: true, from, to });
          legal += 1;
        } else {
          expect(decision).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
          if (!decision.ok) expect(decision.message).toContain(step.label);
        }
      }
    }
  }
  expect(legal).toBeGreaterThan(0);
});

test('approval steps are refused to the person who drafted the item', () => {
  const dip = registry.byName.get('dip-document')!;
  const both = { id: 7, roles: ['operator', 'koordinator'], isSuperAdmin: false };
  expect(decide(dip, { state: 'menunggu_persetujuan', to: 'disetujui', actor: both, authorId: 7, separationOfDuties: true })).toMatchObject({
    ok: false,
    code: 'SEPARATION_OF_DUTIES',
  });
  expect(decide(dip, { state: 'menunggu_persetujuan', to: 'disetujui', actor: both, authorId: 7, separationOfDuties: false }).ok).toBe(true);
});

test('a state in the config that the workflow lacks, or a schema enum that differs, stops start-up', () => {
  const cfg = ppidConfig({ env });
  cfg.sla.durations['nota-permintaan'].menunggu_kopi = { minutes: 5, calendar: 'business' };
  expect(() => buildRegistry(WORKFLOW_DEFINITIONS, cfg, schemaEnum, ROLE_LABELS)).toThrow(/menunggu_kopi: no such state/);
  expect(() => buildRegistry(WORKFLOW_DEFINITIONS, ppidConfig({ env }), () => ['draf'], ROLE_LABELS)).toThrow(/enumeration and workflow differ/);
});
