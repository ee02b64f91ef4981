import { compareKeys, fingerprint, keyEntries, manifestProblems, MANIFEST_FORMAT, pgDumpProblem, refusalMessage } from '../../src/backup/manifest';
import { parseArgs } from '../../src/backup/cli';

const env = {
  PPID_AUDIT_KEY: 'a'.repeat(44),
  PPID_MFA_KEY: 'm'.repeat(44),
  ENCRYPTION_KEY: 'e'.repeat(32),
  API_TOKEN_SALT: 's'.repeat(32),
  TRANSFER_TOKEN_SALT: 't'.repeat(32),
  ADMIN_JWT_SECRET: 'j'.repeat(32),
  APP_KEYS: 'k1,k2',
  JWT_SECRET: 'u'.repeat(32),
};

test('a fingerprint identifies a value without containing it', () => {
  const f = fingerprint('PPID_MFA_KEY', env.PPID_MFA_KEY);
  expect(f).toMatch(/^[0-9a-f]{32}$/);
  expect(f).toBe(fingerprint('PPID_MFA_KEY', env.PPID_MFA_KEY));
  expect(f).not.toBe(fingerprint('PPID_MFA_KEY', `${env.PPID_MFA_KEY}x`));
  // The same value under another name has another fingerprint (no cross-key matching).
  expect(f).not.toBe(fingerprint('PPID_AUDIT_KEY', env.PPID_MFA_KEY));
  const entries = keyEntries({ ...env, JWT_SECRET: '' });
  expect(entries.find((e) => e.name === 'JWT_SECRET')?.fingerprint).toBeNull();
  expect(JSON.stringify(entries)).not.toContain(env.PPID_MFA_KEY);
});

test('restore refuses a different or missing key the data depends on, and only warns for session keys', () => {
  const manifest = { keys: keyEntries(env), auditKeyIds: ['11111111'] };
  expect(compareKeys(manifest, keyEntries(env), ['11111111'])).toEqual({ refused: [], warnings: [] });

  const other = compareKeys(manifest, keyEntries({ ...env, PPID_MFA_KEY: 'x'.repeat(44), APP_KEYS: 'z' }), ['11111111']);
  expect(other.refused).toEqual(['PPID_MFA_KEY berbeda dengan kunci saat cadangan dibuat']);
  expect(other.warnings).toEqual(['APP_KEYS']);

  const missing = compareKeys(manifest, keyEntries({ ...env, ENCRYPTION_KEY: '' }), ['11111111']);
  expect(missing.refused).toEqual(['ENCRYPTION_KEY tidak diatur']);
  expect(refusalMessage(missing.refused)).toMatch(/Pemulihan DITOLAK[\s\S]*ENCRYPTION_KEY tidak diatur \(dibutuhkan untuk: token API yang terenkripsi\)[\s\S]*Tidak ada yang diubah/);
});

test('a rotated audit key passes when the old one is still configured, not otherwise', () => {
  const manifest = { keys: keyEntries(env), auditKeyIds: ['aaaaaaaa'] };
  const rotated = keyEntries({ ...env, PPID_AUDIT_KEY: 'n'.repeat(44) });
  expect(compareKeys(manifest, rotated, ['bbbbbbbb', 'aaaaaaaa']).refused).toEqual([]);
  expect(compareKeys(manifest, rotated, ['bbbbbbbb']).refused).toEqual(['PPID_AUDIT_KEY berbeda dengan kunci saat cadangan dibuat']);
});

test('a key that was not set at backup time does not block restore', () => {
  const manifest = { keys: keyEntries({ ...env, TRANSFER_TOKEN_SALT: '' }), auditKeyIds: [] };
  expect(compareKeys(manifest, keyEntries(env), []).refused).toEqual([]);
});

test('manifest shape: unknown format, traversal in file names, missing parts are refused', () => {
  const good = {
    format: MANIFEST_FORMAT,
    database: { client: 'sqlite', file: 'database.sqlite', sha256: 'x', size: 1 },
    uploads: { storage: 'local', directory: 'uploads', files: [{ name: 'a.pdf', size: 1, sha256: 'x' }] },
    keys: [],
    auditKeyIds: [],
  };
  expect(manifestProblems(good)).toEqual([]);
  expect(manifestProblems({ ...good, format: 'lain/9' })[0]).toMatch(/format manifest "lain\/9" tidak dikenal/);
  expect(manifestProblems({ ...good, uploads: { ...good.uploads, files: [{ name: '../../etc/passwd', sha256: 'x' }] } })).toEqual(['daftar berkas unggahan manifest tidak sah']);
  expect(manifestProblems({ ...good, database: { ...good.database, file: '../db' } })).toEqual(['bagian database manifest tidak lengkap']);
  expect(manifestProblems(null)).toEqual(['manifest.json bukan objek JSON']);
});

test('pg_dump must be at least the server version', () => {
  expect(pgDumpProblem('pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)', '15.20 (Debian 15.20-0+deb12u1)')).toBeNull();
  expect(pgDumpProblem('pg_dump (PostgreSQL) 16.4', '15.8')).toBeNull();
  expect(pgDumpProblem('pg_dump (PostgreSQL) 15.20', '16.2 (Ubuntu)')).toMatch(/pg_dump 15 lebih tua daripada server PostgreSQL 16: pasang pg_dump 16 \(paket postgresql-client-16\)/);
  expect(pgDumpProblem('???', '16')).toMatch(/tidak terbaca/);
});

test('command-line arguments', () => {
  expect(parseArgs([], 'backup')).toEqual({ replace: false });
  expect(parseArgs(['--out', '/x'], 'backup')).toEqual({ replace: false, out: '/x' });
  expect(parseArgs(['/x', '--ganti'], 'restore')).toEqual({ replace: true, from: '/x' });
  expect(parseArgs([], 'restore')).toMatch(/Pemakaian: npm run restore/);
  expect(parseArgs(['--hapus-semua'], 'backup')).toMatch(/argumen tidak dikenal: --hapus-semua/);
});
