import fs from 'node:fs';
import path from 'node:path';
import { slaNotices } from '../../src/workflow/notify';

const SRC = path.resolve(__dirname, '../../src');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'admin' ? [] : files(full);
    return /\.ts$/.test(e.name) ? [full] : [];
  });
}

test("only the outbox sender calls Strapi's email plugin: every workflow mail goes through the outbox", () => {
  const callers = files(SRC)
    .filter((f) => /plugin\(\s*['"]email['"]\s*\)/.test(fs.readFileSync(f, 'utf8')))
    .map((f) => path.relative(SRC, f));
  expect(callers).toEqual(['outbox/sender.ts']);
});

test('an SLA threshold gives one notice per recipient, each with its own stable idempotency key', () => {
  const timer = {
    id: 42,
    jenisKonten: 'api::nota-permintaan.nota-permintaan',
    dokumenId: 'abc',
    locale: null,
    label: 'Menunggu paraf',
    mulai: '2026-11-20T01:00:00.000Z',
    jatuhTempo: '2026-11-20T01:10:00.000Z',
  };
  const notices = slaNotices(timer, 'breached', ['a@ppid.test', 'b@ppid.test']);
  expect(notices.map((n) => n.penerima)).toEqual(['a@ppid.test', 'b@ppid.test']);
  expect(notices[0]).toMatchObject({ jenis: 'sla_terlambat', subjek: '[PPID] Melewati batas waktu: Menunggu paraf', timerId: 42, dokumenId: 'abc' });
  expect(notices[0].isi).toContain('sudah terlewati');
  expect(new Set(notices.map((n) => n.kunciIdempotensi)).size).toBe(2);
  expect(slaNotices(timer, 'breached', ['a@ppid.test'])[0].kunciIdempotensi).toBe(notices[0].kunciIdempotensi);
  expect(slaNotices(timer, 'at_risk', ['a@ppid.test'])[0].kunciIdempotensi).not.toBe(notices[0].kunciIdempotensi);
  // A new timer row that reused the id (a deleted timer) is another notice.
  expect(slaNotices({ ...timer, mulai: '2026-11-21T01:00:00.000Z' }, 'breached', ['a@ppid.test'])[0].kunciIdempotensi).not.toBe(notices[0].kunciIdempotensi);
  expect(notices[0].kunciIdempotensi.length).toBeLessThanOrEqual(255);
});
