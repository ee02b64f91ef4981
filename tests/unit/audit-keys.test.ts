import crypto from 'node:crypto';
import { auditKeyId, isLegacyKeyId, parseAuditKeys } from '../../src/audit/keys';

const secret = (n: number) => crypto.createHash('sha256').update(`kunci-${n}`).digest('base64');

test('a key id is the first 8 hex digits of the SHA-256 of the key', () => {
  const key = secret(1);
  expect(auditKeyId(key)).toBe(crypto.createHash('sha256').update(key).digest('hex').slice(0, 8));
  expect(auditKeyId(key)).toMatch(/^[0-9a-f]{8}$/);
  expect(auditKeyId(secret(2))).not.toBe(auditKeyId(key));
});

test('the current key and retired keys (id:key or key) form one keyring', () => {
  const [current, old1, old2] = [secret(1), secret(2), secret(3)];
  const { keyring, problems } = parseAuditKeys(current, ` ${auditKeyId(old1)}:${old1} , ${old2} `);
  expect(problems).toEqual([]);
  expect(keyring!.current).toEqual({ id: auditKeyId(current), secret: current });
  expect([...keyring!.byId.keys()].sort()).toEqual([auditKeyId(current), auditKeyId(old1), auditKeyId(old2)].sort());
  expect(keyring!.byId.get(auditKeyId(old2))!.secret).toBe(old2);
});

test('a missing or short key, or an id that does not match its key, is refused without printing the secret', () => {
  expect(parseAuditKeys('', '').problems).toEqual([expect.stringContaining('PPID_AUDIT_KEY')]);
  expect(parseAuditKeys('short', '').problems).toEqual([expect.stringContaining('at least 32 characters')]);
  const old = secret(2);
  const { keyring, problems } = parseAuditKeys(secret(1), `deadbeef:${old}`);
  expect(keyring).toBeNull();
  expect(problems).toEqual([`PPID_AUDIT_KEYS_OLD entry 1: id deadbeef does not match its key (the key's id is ${auditKeyId(old)})`]);
  expect(problems.join(' ')).not.toContain(old);
});

test('null, empty and "sha256" mark the unkeyed hash of older events', () => {
  expect([null, undefined, '', 'sha256'].every(isLegacyKeyId)).toBe(true);
  expect(isLegacyKeyId(auditKeyId(secret(1)))).toBe(false);
});
