import crypto from 'node:crypto';
import {
  anchorFileName,
  anchorLine,
  authenticateAnchors,
  checkAnchorsAgainstChain,
  createAnchor,
  lastAnchorIn,
  legacyLimitFromAnchors,
  parseAnchorText,
  type LocatedAnchor,
} from '../../src/audit/anchors';
import type { ChainFacts } from '../../src/audit/chain';
import { auditKeyId, type AuditKey } from '../../src/audit/keys';

const keyOf = (label: string): AuditKey => {
  const secret = crypto.createHash('sha256').update(label).digest('base64');
  return { id: auditKeyId(secret), secret };
};
const KEY = keyOf('kunci-sekarang');
const keys = new Map([[KEY.id, KEY]]);
const h = (n: number) => crypto.createHash('sha256').update(`peristiwa-${n}`).digest('hex');
const at = new Date('2026-11-22T03:00:00Z');

function located(seq: number, hash = h(seq), extra: Partial<{ warisan: number; line: number }> = {}): LocatedAnchor {
  return { anchor: createAnchor({ seq, hash, jumlah: seq, warisan: extra.warisan ?? 0, waktu: at }, KEY), source: 'jangkar.jsonl', line: extra.line ?? seq };
}

const facts = (head: number, hashes: Record<number, string> = {}): ChainFacts => ({
  head: head ? { seq: head, hash: hashes[head] ?? h(head) } : null,
  hashAt: new Map(Array.from({ length: head }, (_, i) => [i + 1, hashes[i + 1] ?? h(i + 1)] as [number, string])),
  legacyCount: 0,
});

test('an anchor is one JSON line with seq, hash, time, count, unkeyed prefix, key id and an HMAC over them', () => {
  const anchor = createAnchor({ seq: 12, hash: h(12), jumlah: 12, warisan: 3, waktu: at }, KEY);
  expect(Object.keys(JSON.parse(anchorLine(anchor)))).toEqual(['v', 'seq', 'hash', 'waktu', 'jumlah', 'warisan', 'kunci', 'mac']);
  expect(anchor).toMatchObject({ v: 1, seq: 12, hash: h(12), waktu: at.toISOString(), jumlah: 12, warisan: 3, kunci: KEY.id });
  const parsed = parseAnchorText(`${anchorLine(anchor)}\n\n`, 'f');
  expect(parsed.problems).toEqual([]);
  expect(parsed.anchors).toEqual([{ anchor, source: 'f', line: 1 }]);
  expect(anchorFileName(at)).toBe('jangkar-audit-2026-11-22.jsonl');
});

test('an anchor that was altered, forged without the key, or sealed with an unknown key is reported', () => {
  const good = located(5);
  const altered = { ...good, line: 2, anchor: { ...good.anchor, seq: 4 } };
  const forged = { ...good, line: 3, anchor: createAnchor({ seq: 9, hash: h(9), jumlah: 9, warisan: 0, waktu: at }, { id: KEY.id, secret: 'tebakan-penyerang-0123456789abcdefghij' }) };
  const stranger = { ...good, line: 4, anchor: createAnchor({ seq: 5, hash: h(5), jumlah: 5, warisan: 0, waktu: at }, keyOf('lain')) };
  const { valid, problems } = authenticateAnchors([good, altered, forged, stranger], keys);
  expect(valid).toEqual([good]);
  expect(problems.map((p) => [p.line, p.reason])).toEqual([
    [2, expect.stringContaining('MAC tidak cocok')],
    [3, expect.stringContaining('MAC tidak cocok')],
    [4, expect.stringContaining('tidak dikenal')],
  ]);
});

test('a chain that still has every anchored event with the same hash passes', () => {
  expect(checkAnchorsAgainstChain([located(3), located(7)], facts(9))).toEqual([]);
});

test('a truncated tail: the last anchor names an event beyond the head', () => {
  const problems = checkAnchorsAgainstChain([located(3), located(7)], facts(5));
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatchObject({ seq: 7, source: 'jangkar.jsonl', line: 7 });
  expect(problems[0].reason).toMatch(/rantai terpotong .*peristiwa #7, tetapi peristiwa terakhir di basis data adalah #5/);
});

test('an anchored event whose hash differs (rewritten or rolled back) is named', () => {
  const problems = checkAnchorsAgainstChain([located(3), located(7)], facts(9, { 7: h(700) }));
  expect(problems).toEqual([expect.objectContaining({ seq: 7, reason: expect.stringContaining('peristiwa #7 tidak sama dengan jangkar jangkar.jsonl:7') })]);
});

test('the unkeyed prefix is pinned by the anchor that recorded the fewest unkeyed events', () => {
  expect(legacyLimitFromAnchors([])).toBeNull();
  expect(legacyLimitFromAnchors([located(10, h(10), { warisan: 4 }), located(20, h(20), { warisan: 4 }), located(2, h(2), { warisan: 2 })])).toEqual({
    seq: 2,
    source: expect.stringContaining('peristiwa #2'),
  });
});

test('unreadable lines are reported, not skipped; the writer finds the last good anchor past a torn line', () => {
  const a = located(1).anchor;
  const b = located(2).anchor;
  const text = `${anchorLine(a)}\nbukan json\n{"v":2}\n${anchorLine(b)}\n{"v":1,"seq":3,"ha`;
  const parsed = parseAnchorText(text, 'f');
  expect(parsed.anchors.map((x) => x.anchor.seq)).toEqual([1, 2]);
  expect(parsed.problems.map((p) => p.line)).toEqual([2, 3, 5]);
  expect(lastAnchorIn(text)).toEqual(b);
  expect(lastAnchorIn('')).toBeNull();
});
