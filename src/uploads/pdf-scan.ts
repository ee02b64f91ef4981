/**
 * Active content in a PDF (pure: bytes in, findings out; only node:zlib).
 *
 * A PDF can carry JavaScript (`/JS`, `/JavaScript`, run by `/OpenAction` or by the additional
 * actions `/AA` on open/close/focus…), XFA forms and rich media with scripts, `/Launch` actions
 * that start programs, and embedded files (`/EmbeddedFile`, `/EmbeddedFiles`, `/GoToE`). Such a
 * file published as public information can attack readers, so it is refused by default.
 *
 * The scan lexes the file as a PDF reader would: comments and strings are skipped (a page that
 * merely *says* "/JavaScript" is fine), names are decoded (`/J#61vaScript` is `/JavaScript`),
 * stream data is skipped, and object streams (`/Type /ObjStm`, where PDF 1.5+ keeps compressed
 * dictionaries) are decoded (Flate, ASCIIHex, ASCII85, PNG predictors) and lexed too. A PDF whose
 * object streams cannot be decoded (an unknown filter, encryption, a decompression bomb) cannot be
 * verified and is refused as such: failing closed.
 */
import zlib from 'node:zlib';

export type PdfFindingKind = 'javascript' | 'launch' | 'embedded';

const ACTIVE_NAMES: Readonly<Record<string, PdfFindingKind>> = {
  JS: 'javascript',
  JavaScript: 'javascript',
  AA: 'javascript',
  XFA: 'javascript',
  RichMedia: 'javascript',
  Launch: 'launch',
  EmbeddedFile: 'embedded',
  EmbeddedFiles: 'embedded',
  GoToE: 'embedded',
};

export interface PdfFinding {
  kind: PdfFindingKind;
  /** The PDF name as found, e.g. "/JavaScript". */
  name: string;
}

export interface PdfScanResult {
  findings: PdfFinding[];
  /** Why the file could not be fully inspected, or null. */
  unverifiable: string | null;
  encrypted: boolean;
  objectStreams: number;
}

export interface PdfScanLimits {
  /** Largest decoded size of one object stream. */
  maxStreamBytes: number;
  /** Largest decoded size of all object streams together. */
  maxDecodedBytes: number;
}

const DEFAULT_LIMITS: PdfScanLimits = { maxStreamBytes: 32 * 1024 * 1024, maxDecodedBytes: 64 * 1024 * 1024 };

const isWhite = (c: number) => c === 0 || c === 9 || c === 10 || c === 12 || c === 13 || c === 32;
const isDelim = (c: number) => c === 0x28 || c === 0x29 || c === 0x3c || c === 0x3e || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x2f || c === 0x25;

type Token =
  | { t: 'name'; v: string }
  | { t: 'num'; v: number }
  | { t: 'kw'; v: string }
  | { t: '<<' | '>>' | '[' | ']' | 'str' };

class UnverifiableError extends Error {}

function decodeName(raw: Buffer): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === 0x23 && i + 2 < raw.length && /^[0-9a-fA-F]{2}$/.test(String.fromCharCode(raw[i + 1], raw[i + 2]))) {
      out += String.fromCharCode(parseInt(String.fromCharCode(raw[i + 1], raw[i + 2]), 16));
      i += 2;
    } else out += String.fromCharCode(c);
  }
  return out;
}

interface StreamDict {
  length: number | null;
  objStm: boolean;
  objStmKeys: number;
  filters: string[];
  parms: Array<Record<string, number>>;
}

/** The keys of a stream's dictionary that matter here, from its top-level tokens. */
function readStreamDict(tokens: Token[]): StreamDict {
  const dict: StreamDict = { length: null, objStm: false, objStmKeys: 0, filters: [], parms: [] };
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (tok.t === '<<' || tok.t === '[') depth += 1;
    else if (tok.t === '>>' || tok.t === ']') depth -= 1;
    if (depth !== 1 || tok.t !== 'name') continue;
    const next = tokens[i + 1];
    if (tok.v === 'Length' && next?.t === 'num') {
      const isRef = tokens[i + 2]?.t === 'num' && tokens[i + 3]?.t === 'kw' && (tokens[i + 3] as { v: string }).v === 'R';
      dict.length = isRef ? null : next.v;
    } else if (tok.v === 'Type' && next?.t === 'name') {
      if (next.v === 'ObjStm') dict.objStm = true;
    } else if ((tok.v === 'N' || tok.v === 'First') && next?.t === 'num') {
      // A reader finds object streams through the cross-reference stream and needs only /N and
      // /First to parse one, whatever /Type says: such a stream is treated as an object stream.
      dict.objStmKeys += 1;
    } else if (tok.v === 'Filter') {
      if (next?.t === 'name') dict.filters = [next.v];
      else if (next?.t === '[') {
        for (let j = i + 2; j < tokens.length && tokens[j].t !== ']'; j++) {
          const f = tokens[j];
          if (f.t === 'name') dict.filters.push(f.v);
        }
      }
    } else if (tok.v === 'DecodeParms' || tok.v === 'DP') {
      // One dictionary, or an array of dictionaries/null (one per filter).
      let j = i + 1;
      const single = tokens[j]?.t === '<<';
      if (!single && tokens[j]?.t === '[') j += 1;
      let current: Record<string, number> | null = null;
      let d = 0;
      for (; j < tokens.length; j++) {
        const p = tokens[j];
        if (p.t === '<<') {
          d += 1;
          if (d === 1) current = {};
        } else if (p.t === '>>') {
          d -= 1;
          if (d === 0 && current) {
            dict.parms.push(current);
            current = null;
            if (single) break;
          }
        } else if (p.t === 'kw' && p.v === 'null' && d === 0) dict.parms.push({});
        else if (p.t === ']' && d === 0) break;
        else if (p.t === 'name' && current && d === 1 && tokens[j + 1]?.t === 'num') current[p.v] = (tokens[j + 1] as { v: number }).v;
      }
    }
  }
  return dict;
}

function asciiHexDecode(data: Buffer): Buffer {
  const text = data.toString('latin1').replace(/[\s\0]/g, '');
  const end = text.indexOf('>');
  let hex = end >= 0 ? text.slice(0, end) : text;
  if (!/^[0-9a-fA-F]*$/.test(hex)) throw new UnverifiableError('ASCIIHexDecode tidak sah');
  if (hex.length % 2) hex += '0';
  return Buffer.from(hex, 'hex');
}

function ascii85Decode(data: Buffer): Buffer {
  let text = data.toString('latin1').replace(/[\s\0]/g, '');
  if (text.startsWith('<~')) text = text.slice(2);
  const end = text.indexOf('~>');
  if (end >= 0) text = text.slice(0, end);
  const out: number[] = [];
  let group: number[] = [];
  for (const ch of text) {
    if (ch === 'z' && group.length === 0) {
      out.push(0, 0, 0, 0);
      continue;
    }
    const v = ch.charCodeAt(0) - 33;
    if (v < 0 || v > 84) throw new UnverifiableError('ASCII85Decode tidak sah');
    group.push(v);
    if (group.length === 5) {
      let n = 0;
      for (const g of group) n = n * 85 + g;
      out.push((n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
      group = [];
    }
  }
  if (group.length > 0) {
    const k = group.length;
    while (group.length < 5) group.push(84);
    let n = 0;
    for (const g of group) n = n * 85 + g;
    const bytes = [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
    out.push(...bytes.slice(0, k - 1));
  }
  return Buffer.from(out);
}

function flateDecode(data: Buffer, max: number): Buffer {
  const opts = { maxOutputLength: max, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  try {
    return zlib.inflateSync(data, opts);
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new UnverifiableError('aliran data terlalu besar setelah dibuka');
    try {
      return zlib.inflateRawSync(data, opts);
    } catch {
      throw new UnverifiableError('aliran data terkompresi tidak dapat dibuka');
    }
  }
}

/** PNG predictors (10–15), as PDF uses them after Flate/LZW. */
function unpredict(data: Buffer, parms: Record<string, number>): Buffer {
  const predictor = parms.Predictor ?? 1;
  if (predictor <= 1) return data;
  if (predictor === 2) throw new UnverifiableError('prediktor TIFF tidak didukung');
  const colors = parms.Colors ?? 1;
  const bpc = parms.BitsPerComponent ?? 8;
  const columns = parms.Columns ?? 1;
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rowLength = Math.ceil((colors * bpc * columns) / 8);
  if (!(rowLength > 0)) throw new UnverifiableError('parameter prediktor tidak sah');
  const rows = Math.floor(data.length / (rowLength + 1));
  const out = Buffer.alloc(rows * rowLength);
  const prev = Buffer.alloc(rowLength);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLength + 1)];
    const row = data.subarray(r * (rowLength + 1) + 1, (r + 1) * (rowLength + 1));
    const cur = out.subarray(r * rowLength, (r + 1) * rowLength);
    for (let i = 0; i < rowLength; i++) {
      const left = i >= bpp ? cur[i - bpp] : 0;
      const up = prev[i];
      const upLeft = i >= bpp ? prev[i - bpp] : 0;
      let v = row[i];
      if (type === 1) v += left;
      else if (type === 2) v += up;
      else if (type === 3) v += (left + up) >> 1;
      else if (type === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        v += pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      } else if (type !== 0) throw new UnverifiableError('prediktor PNG tidak sah');
      cur[i] = v & 255;
    }
    cur.copy(prev);
  }
  return out;
}

function decodeStream(data: Buffer, dict: StreamDict, budget: { left: number }, limits: PdfScanLimits): Buffer {
  let out = data;
  dict.filters.forEach((filter, index) => {
    const max = Math.min(limits.maxStreamBytes, budget.left);
    if (max <= 0) throw new UnverifiableError('isi terkompresi terlalu besar');
    switch (filter) {
      case 'FlateDecode':
      case 'Fl':
        out = unpredict(flateDecode(out, max), dict.parms[index] ?? {});
        break;
      case 'ASCIIHexDecode':
      case 'AHx':
        out = asciiHexDecode(out);
        break;
      case 'ASCII85Decode':
      case 'A85':
        out = ascii85Decode(out);
        break;
      default:
        throw new UnverifiableError(`filter ${filter} pada aliran objek tidak didukung`);
    }
    if (out.length > max) throw new UnverifiableError('isi terkompresi terlalu besar');
  });
  budget.left -= out.length;
  return out;
}

const ENDSTREAM = Buffer.from('endstream', 'latin1');

/**
 * Lexes b[start, end). Names go to `onName`. Top-level stream data is skipped, and handed to
 * `onStream` with its dictionary when streams are allowed (the file itself, not an object stream).
 */
function lex(b: Buffer, onName: (name: string) => void, onStream: ((dict: StreamDict, data: Buffer) => void) | null): void {
  const end = b.length;
  let i = 0;
  let depth = 0;
  let capture: Token[] | null = null;
  let lastDict: Token[] | null = null;
  const push = (tok: Token) => {
    if (capture) capture.push(tok);
  };
  while (i < end) {
    const c = b[i];
    if (isWhite(c)) {
      i += 1;
    } else if (c === 0x25) {
      // % comment to end of line
      while (i < end && b[i] !== 10 && b[i] !== 13) i += 1;
    } else if (c === 0x28) {
      // (literal string) with nesting and escapes
      let d = 1;
      i += 1;
      while (i < end && d > 0) {
        const s = b[i];
        if (s === 0x5c) i += 2;
        else {
          if (s === 0x28) d += 1;
          else if (s === 0x29) d -= 1;
          i += 1;
        }
      }
      push({ t: 'str' });
    } else if (c === 0x3c && b[i + 1] === 0x3c) {
      if (depth === 0) capture = [];
      depth += 1;
      push({ t: '<<' });
      i += 2;
    } else if (c === 0x3e && b[i + 1] === 0x3e) {
      push({ t: '>>' });
      depth = Math.max(0, depth - 1);
      if (depth === 0 && capture) {
        lastDict = capture;
        capture = null;
      }
      i += 2;
    } else if (c === 0x3c) {
      // <hex string>
      while (i < end && b[i] !== 0x3e) i += 1;
      i += 1;
      push({ t: 'str' });
    } else if (c === 0x2f) {
      let j = i + 1;
      while (j < end && !isWhite(b[j]) && !isDelim(b[j])) j += 1;
      const name = decodeName(b.subarray(i + 1, j));
      onName(name);
      push({ t: 'name', v: name });
      i = j;
    } else if (c === 0x5b || c === 0x5d) {
      push({ t: c === 0x5b ? '[' : ']' });
      i += 1;
    } else if (isDelim(c)) {
      i += 1;
    } else {
      let j = i;
      while (j < end && !isWhite(b[j]) && !isDelim(b[j])) j += 1;
      const word = b.toString('latin1', i, j);
      i = j;
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
        push({ t: 'num', v: Number(word) });
        continue;
      }
      push({ t: 'kw', v: word });
      if (word === 'obj' && depth === 0) lastDict = null;
      if (word !== 'stream') continue;
      // Stream data: from after the EOL that follows "stream" to "endstream".
      if (b[i] === 13 && b[i + 1] === 10) i += 2;
      else if (b[i] === 10 || b[i] === 13) i += 1;
      const dict = readStreamDict(lastDict ?? []);
      let dataEnd = -1;
      let next = -1;
      if (dict.length !== null && dict.length >= 0 && i + dict.length <= end) {
        let k = i + dict.length;
        while (k < end && k < i + dict.length + 4 && isWhite(b[k])) k += 1;
        if (b.subarray(k, k + ENDSTREAM.length).equals(ENDSTREAM)) {
          dataEnd = i + dict.length;
          next = k + ENDSTREAM.length;
        }
      }
      if (dataEnd < 0) {
        const at = b.indexOf(ENDSTREAM, i);
        dataEnd = at < 0 ? end : at;
        next = at < 0 ? end : at + ENDSTREAM.length;
        while (dataEnd > i && (b[dataEnd - 1] === 10 || b[dataEnd - 1] === 13)) dataEnd -= 1;
      }
      if (onStream) onStream(dict, b.subarray(i, dataEnd));
      i = next;
      lastDict = null;
    }
  }
}

/** Every active-content name in the PDF, and whether all of it could be inspected. */
export function scanPdf(data: Uint8Array, limits: PdfScanLimits = DEFAULT_LIMITS): PdfScanResult {
  const b = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const seen = new Map<string, PdfFinding>();
  const onName = (name: string) => {
    const kind = ACTIVE_NAMES[name];
    if (kind && !seen.has(name)) seen.set(name, { kind, name: `/${name}` });
  };
  const encrypted = b.indexOf('/Encrypt', 0, 'latin1') >= 0;
  const budget = { left: limits.maxDecodedBytes };
  let objectStreams = 0;
  let unverifiable: string | null = null;
  lex(b, onName, (dict, streamData) => {
    if (!(dict.objStm || dict.objStmKeys === 2) || unverifiable) return;
    objectStreams += 1;
    if (encrypted) {
      // Object streams of an encrypted PDF are ciphertext: nothing inside can be seen.
      unverifiable = 'PDF terenkripsi sehingga isinya tidak dapat diperiksa';
      return;
    }
    try {
      lex(decodeStream(streamData, dict, budget, limits), onName, null);
    } catch (error) {
      if (!(error instanceof UnverifiableError)) throw error;
      unverifiable = error.message;
    }
  });
  return { findings: [...seen.values()], unverifiable, encrypted, objectStreams };
}

export interface PdfPolicy {
  /** Accept PDFs with JavaScript, additional actions, XFA or rich media. */
  allowScripts: boolean;
  /** Accept PDFs with embedded (attached) files. */
  allowAttachments: boolean;
}

export type PdfDecision = { ok: true; scan: PdfScanResult } | { ok: false; code: 'PDF_ACTIVE_CONTENT' | 'PDF_UNVERIFIABLE'; message: string; scan: PdfScanResult };

const KIND_TEXT: Record<PdfFindingKind, string> = {
  javascript: 'skrip (JavaScript/aksi otomatis)',
  launch: 'perintah menjalankan program (/Launch)',
  embedded: 'berkas tersemat (lampiran di dalam PDF)',
};

/** The policy applied to a scan; /Launch is always refused. */
export function decidePdf(data: Uint8Array, policy: PdfPolicy, fileName: string, limits?: PdfScanLimits): PdfDecision {
  const scan = scanPdf(data, limits);
  const refused = scan.findings.filter(
    (f) => f.kind === 'launch' || (f.kind === 'javascript' && !policy.allowScripts) || (f.kind === 'embedded' && !policy.allowAttachments),
  );
  const name = `"${fileName.replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, 80)}"`;
  if (refused.length > 0) {
    const kinds = [...new Set(refused.map((f) => f.kind))].map((k) => KIND_TEXT[k]).join(' dan ');
    return {
      ok: false,
      code: 'PDF_ACTIVE_CONTENT',
      scan,
      message: `PDF ${name} ditolak karena memuat ${kinds} (${refused.map((f) => f.name).join(', ')}). Simpan ulang dokumen sebagai PDF biasa (misalnya Cetak → Simpan sebagai PDF), lalu unggah lagi.`,
    };
  }
  if (scan.unverifiable) {
    return {
      ok: false,
      code: 'PDF_UNVERIFIABLE',
      scan,
      message: `PDF ${name} ditolak karena isinya tidak dapat diperiksa (${scan.unverifiable}). Simpan ulang dokumen sebagai PDF biasa tanpa kata sandi (misalnya Cetak → Simpan sebagai PDF), lalu unggah lagi.`,
    };
  }
  return { ok: true, scan };
}
