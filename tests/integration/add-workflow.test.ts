import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { adminToken, createAdmin, TOKENS_WITHOUT_MFA } from '../helpers/admin';
import { WORKFLOW_DEFINITIONS } from '../../src/workflows';

/**
 * "Adding a workflow to a new content type is one definition file plus one line." The compiled
 * app is copied, a new content type is added (its schema, which a developer writes anyway), then
 * its workflow definition file (tests/fixtures/uji-alur/workflow.ts, compiled here) and one line
 * in the workflow list (src/workflows.ts, in its compiled form). Nothing else is touched: the
 * mechanism must enforce, time, audit and serve the new workflow by itself.
 */
const ROOT = path.resolve(__dirname, '../..');
const FIXTURE = path.join(__dirname, '../fixtures/uji-alur');
const UID = 'api::uji-alur.uji-alur';
let strapi: Core.Strapi;
let distDir: string;

function prepareApp(): string {
  // Inside the project, so the copied modules still resolve node_modules.
  fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(ROOT, '.tmp', 'dist-uji-'));
  fs.cpSync(path.join(ROOT, 'dist'), dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) });
  // Of the admin build, only the sign-in page's script, which the server reads at start-up.
  fs.cpSync(path.join(ROOT, 'dist/build/ppid-auth'), path.join(dir, 'build/ppid-auth'), { recursive: true });
  const api = path.join(dir, 'src/api/uji-alur');
  fs.mkdirSync(path.join(api, 'content-types/uji-alur'), { recursive: true });
  fs.copyFileSync(path.join(FIXTURE, 'schema.json'), path.join(api, 'content-types/uji-alur/schema.json'));
  // The one definition file.
  const source = fs.readFileSync(path.join(FIXTURE, 'workflow.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2021 } });
  fs.writeFileSync(path.join(api, 'workflow.js'), outputText);
  // The one line.
  fs.appendFileSync(path.join(dir, 'src/workflows.js'), "\nexports.WORKFLOW_DEFINITIONS.push(require('./api/uji-alur/workflow').ujiAlurWorkflow);\n");
  return dir;
}

beforeAll(async () => {
  distDir = prepareApp();
  strapi = await setupStrapi(TOKENS_WITHOUT_MFA, { distDir });
});
afterAll(async () => {
  await teardownStrapi();
  fs.rmSync(distDir, { recursive: true, force: true });
});

const runtime = () => (strapi as any)[Symbol.for('ppid.workflowRuntime')];

test('the new type starts in its initial state, is timed, audited and role-gated like the others', async () => {
  const operator = await createAdmin(strapi, 'operator');
  const koordinator = await createAdmin(strapi, 'koordinator');
  const asUser = (u: any, code: string) => ({ user: { id: u.id, email: u.email, roles: [{ code }] } });

  await expect((strapi.documents(UID as any) as any).create({ data: { judul: 'Uji', statusAlur: 'diperiksa' } })).rejects.toThrow(/Status alur tidak dapat diubah langsung/);
  expect(await strapi.db.query(UID as any).count()).toBe(0);
  const doc = await (strapi.documents(UID as any) as any).create({ data: { judul: 'Uji' } });
  expect(doc.statusAlur).toBe('baru');
  const created = await strapi.db.query('api::riwayat-alur.riwayat-alur').findOne({ where: { jenisKonten: UID, dokumenId: doc.documentId } });
  expect(created).toMatchObject({ peristiwa: 'dibuat', ke: 'baru' });

  await expect(runtime().service.transition('uji-alur', doc.documentId, null, asUser(koordinator, 'koordinator'), { to: 'menunggu_periksa' })).rejects.toThrow(
    /hanya dapat dilakukan oleh Operator/,
  );
  const step = await runtime().service.transition('uji-alur', doc.documentId, null, asUser(operator, 'operator'), { to: 'menunggu_periksa' });
  expect(step.state).toBe('menunggu_periksa');
  expect(step.timer).toMatchObject({ state: 'menunggu_periksa' });
  expect(new Date(step.timer.dueAt).getTime() - new Date(step.timer.startedAt).getTime()).toBe(30 * 60_000);

  await expect((strapi.documents(UID as any) as any).update({ documentId: doc.documentId, data: { statusAlur: 'diperiksa' } })).rejects.toThrow(
    /Status alur tidak dapat diubah langsung/,
  );
});

test('a listener that fails does not turn a committed step into an error', async () => {
  const operator = await createAdmin(strapi, 'operator');
  const stop = runtime().service.events.subscribe('rusak', () => {
    throw new Error('pendengar gagal');
  });
  try {
    const doc = await (strapi.documents(UID as any) as any).create({ data: { judul: 'Uji 2' } });
    const step = await runtime().service.transition('uji-alur', doc.documentId, null, { user: { id: operator.id, email: operator.email, roles: [{ code: 'operator' }] } }, { to: 'menunggu_periksa' });
    expect(step.state).toBe('menunggu_periksa');
  } finally {
    stop();
  }
});

test('the admin panel learns of the new type from the server', async () => {
  const admin = await createAdmin(strapi, 'super-admin');
  const res = await request(strapi.server.httpServer).get('/ppid/workflow-types').set('Authorization', `Bearer ${await adminToken(strapi, admin.id)}`);
  expect(res.status).toBe(200);
  const type = res.body.data.find((t: any) => t.uid === UID);
  expect(type).toEqual({
    uid: UID,
    name: 'uji-alur',
    perLocale: false,
    field: 'statusAlur',
    states: [
      { name: 'baru', label: 'Baru', final: false },
      { name: 'menunggu_periksa', label: 'Menunggu diperiksa', final: false },
      { name: 'diperiksa', label: 'Sudah diperiksa', final: true },
    ],
  });
  expect(res.body.data.map((t: any) => t.name)).toEqual([...WORKFLOW_DEFINITIONS.map((d) => d.name), 'uji-alur']);
});
