import crypto from 'node:crypto';
import { GENESIS_HASH, createChainVerifier, hashEvent, sealEvent, verifyChain, type AuditEventInput, type ChainedEvent } from '../../src/audit/chain';
import { auditKeyId, type AuditKey } from '../../src/audit/keys';

const keyOf = (label: string): AuditKey => {
  const secret = crypto.createHash('sha256').update(label).digest('base64');
  return { id: auditKeyId(secret), secret };
};
const KEY = keyOf('kunci-sekarang');
const OLD = keyOf('kunci-lama');
const keys = new Map([KEY, OLD].map((k) => [k.id, k]));

const event = (n: number): AuditEventInput => ({
  kategori: 'transisi',
  peristiwa: 'transisi',
  jenisKonten: 'api::nota-permintaan.nota-permintaan',
  dokumenId: `doc${n}`,
  dari: 'menunggu_paraf',
  ke: 'menunggu_tanda_tangan',
  aktorId: 7,
  aktorEmail: 'koordinator@ppid.test',
  waktu: new Date(Date.UTC(2026, 10, 20, 1, n)).toISOString(),
  catatan: `paraf ${n}`,
  dipaksa: false,
});

/** A chain as the application writes it: unkeyed events first (before the upgrade), then keyed ones. */
function chain(spec: Array<AuditKey | null>): ChainedEvent[] {
  const out: ChainedEvent[] = [];
  let prev = GENESIS_HASH;
  spec.forEach((key, i) => {
    const seq = i + 1;
    const e = event(seq);
    const hash = key ? sealEvent(seq, prev, e, key) : hashEvent(seq, prev, e);
    out.push({ ...e, seq, hashSebelumnya: prev, hash, kunci: key ? key.id : null });
    prev = hash;
  });
  return out;
}

/** What someone with database access but without the key can do: change one event and recompute every later hash. */
function rewriteFrom(events: ChainedEvent[], seq: number, how: 'sha256-keep-id' | 'sha256-downgrade' | { key: AuditKey }): ChainedEvent[] {
  const out = events.map((e) => ({ ...e }));
  out[seq - 1].catatan = 'disetujui tanpa paraf';
  let prev = seq === 1 ? GENESIS_HASH : out[seq - 2].hash;
  for (let i = seq - 1; i < out.length; i += 1) {
    const e = out[i];
    e.hashSebelumnya = prev;
    if (how === 'sha256-keep-id' || how === 'sha256-downgrade') {
      e.hash = hashEvent(e.seq, prev, e);
      if (how === 'sha256-downgrade') e.kunci = null;
    } else {
      e.hash = sealEvent(e.seq, prev, e, how.key);
      e.kunci = how.key.id;
    }
    prev = e.hash;
  }
  return out;
}

test('older events keep their hashes: the unkeyed SHA-256 is the one the chain used before keys', () => {
  // Values computed with the implementation before keyed seals (commit cfce812).
  expect(hashEvent(1, GENESIS_HASH, event(1))).toBe('fc48ff91ce6b3bdc58feccf3ab0f3888e96492a97e5b3de7188e74f32f4dcabd');
  expect(hashEvent(1, GENESIS_HASH, { ...event(1), sidikKonten: 'ab'.repeat(32) })).toBe('cd8366bce981dbb597e63d5da0322f672144a2fec06b05182359729e5fc5f2d4');
  expect(hashEvent(1, GENESIS_HASH, { ...event(1), sidikKonten: null })).toBe(hashEvent(1, GENESIS_HASH, event(1)));
});

test('the keyed seal is HMAC-SHA256 over seq, link, content and key id', () => {
  const e = event(1);
  const seal = sealEvent(1, GENESIS_HASH, e, KEY);
  expect(seal).toMatch(/^[0-9a-f]{64}$/);
  expect(seal).not.toBe(hashEvent(1, GENESIS_HASH, e));
  expect(seal).not.toBe(sealEvent(1, GENESIS_HASH, e, OLD));
  expect(seal).not.toBe(sealEvent(2, GENESIS_HASH, e, KEY));
  expect(seal).not.toBe(sealEvent(1, 'f'.repeat(64), e, KEY));
  expect(seal).toBe(sealEvent(1, GENESIS_HASH, { ...e }, { ...KEY }));
  // Same key bytes under another id give another seal: the id is sealed too.
  expect(seal).not.toBe(sealEvent(1, GENESIS_HASH, e, { ...KEY, id: 'ffffffff' }));
  // The optional fingerprint is sealed only when set.
  expect(sealEvent(1, GENESIS_HASH, { ...e, sidikKonten: null }, KEY)).toBe(seal);
  expect(sealEvent(1, GENESIS_HASH, { ...e, sidikKonten: 'ab'.repeat(32) }, KEY)).not.toBe(seal);
});

test('a chain that started unkeyed, went on with a retired key and then the current key verifies', () => {
  const events = chain([null, null, OLD, OLD, KEY, KEY]);
  expect(verifyChain(events, { keys })).toEqual({ ok: true, count: 6 });
});

test('an edited event whose later hashes were recomputed without the key is named', () => {
  const events = chain([null, KEY, KEY, KEY, KEY, KEY]);
  for (const how of ['sha256-keep-id', 'sha256-downgrade', { key: keyOf('kunci-penyerang') }] as const) {
    expect(verifyChain(rewriteFrom(events, 4, how), { keys })).toMatchObject({ ok: false, seq: 4, count: 3 });
  }
  // With the id of a real key but the wrong secret.
  const forged = rewriteFrom(events, 4, { key: { id: KEY.id, secret: 'bukan-kunci-yang-benar-0123456789abcdef' } });
  expect(verifyChain(forged, { keys })).toMatchObject({ ok: false, seq: 4, reason: expect.stringContaining('HMAC') });
});

test('an event sealed with a key the verifier does not hold is named, with the way to fix it', () => {
  const events = chain([KEY, OLD, KEY]);
  const result = verifyChain(events, { keys: new Map([[KEY.id, KEY]]) });
  expect(result).toMatchObject({ ok: false, seq: 2, reason: expect.stringContaining(`kunci ${OLD.id}`) });
  expect((result as any).reason).toContain('PPID_AUDIT_KEYS_OLD');
});

test('rewriting a whole chain without the key (every event unkeyed) is caught by the pinned legacy prefix', () => {
  const events = chain([KEY, KEY, KEY, KEY]);
  const downgraded = rewriteFrom(events, 1, 'sha256-downgrade');
  // Without anything outside the database, an all-unkeyed chain looks like an old one...
  expect(verifyChain(downgraded, { keys }).ok).toBe(true);
  // ...which is what the anchors (or PPID_AUDIT_LEGACY_SEQ) pin down: here no event may be unkeyed.
  const result = verifyChain(downgraded, { keys, legacyUntil: { seq: 0, source: 'jangkar uji' } });
  expect(result).toMatchObject({ ok: false, seq: 1, reason: expect.stringContaining('jangkar uji') });
  // Legitimate old events up to the limit still pass.
  expect(verifyChain(chain([null, null, KEY]), { keys, legacyUntil: { seq: 2, source: 'x' } }).ok).toBe(true);
});

test('deleted or inserted events break the sequence; the facts for the anchors are still collected to the end', () => {
  const events = chain([KEY, KEY, KEY, KEY, KEY]);
  const verifier = createChainVerifier({ keys, watch: [2, 5] });
  for (const e of [events[0], events[2], events[3], events[4]]) verifier.push(e);
  expect(verifier.result()).toMatchObject({ ok: false, seq: 3, reason: expect.stringContaining('urutan terputus') });
  expect(verifier.facts().head).toEqual({ seq: 5, hash: events[4].hash });
  expect(verifier.facts().hashAt.get(5)).toBe(events[4].hash);
  expect(verifier.facts().hashAt.has(2)).toBe(false);
});
