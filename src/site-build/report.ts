/**
 * The rebuild service's report of one site build (site/rebuild/), as the CMS stores it in the
 * single type `status-situs`. Pure: validates the JSON body and maps it to the stored fields.
 */
export const BUILD_STATES = ['berjalan', 'berhasil', 'gagal'] as const;
export type BuildState = (typeof BUILD_STATES)[number];

/** Stored as `hasil`: Strapi 5 keeps `status` for draft/published and drops an attribute of that name from responses. */
export interface BuildReport {
  hasil: BuildState;
  pesan: string | null;
  pemicu: string | null;
  mulai: string | null;
  selesai: string | null;
  durasiDetik: number | null;
  jumlahHalaman: number | null;
  terakhirBerhasil: string | null;
}

const isoOrNull = (value: unknown, name: string, problems: string[]): string | null => {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
    problems.push(`${name} harus berupa waktu ISO 8601`);
    return null;
  }
  return new Date(value).toISOString();
};

const textOrNull = (value: unknown, name: string, max: number, problems: string[]): string | null => {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    problems.push(`${name} harus berupa teks`);
    return null;
  }
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
};

const numberOrNull = (value: unknown, name: string, problems: string[], integer = false): number | null => {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
    problems.push(`${name} harus berupa angka${integer ? ' bulat' : ''} tidak negatif`);
    return null;
  }
  return value;
};

/** The report, or the list of problems (Indonesian) when the body is not a valid report. */
export function parseBuildReport(body: unknown): { report: BuildReport } | { problems: string[] } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { problems: ['isi permintaan harus berupa objek JSON'] };
  const b = body as Record<string, unknown>;
  const problems: string[] = [];
  if (!BUILD_STATES.includes(b.status as BuildState)) problems.push(`status harus salah satu dari: ${BUILD_STATES.join(', ')}`);
  const report: BuildReport = {
    hasil: b.status as BuildState,
    // A failed build's log can be long: the tail is what names the error.
    pesan: textOrNull(typeof b.pesan === 'string' && b.pesan.length > 4000 ? `…${b.pesan.slice(-3900)}` : b.pesan, 'pesan', 4000, problems),
    pemicu: textOrNull(b.pemicu, 'pemicu', 300, problems),
    mulai: isoOrNull(b.mulai, 'mulai', problems),
    selesai: isoOrNull(b.selesai, 'selesai', problems),
    durasiDetik: numberOrNull(b.durasiDetik, 'durasiDetik', problems),
    jumlahHalaman: numberOrNull(b.jumlahHalaman, 'jumlahHalaman', problems, true),
    terakhirBerhasil: isoOrNull(b.terakhirBerhasil, 'terakhirBerhasil', problems),
  };
  return problems.length > 0 ? { problems } : { report };
}

/** Whether `Authorization: Bearer <token>` carries the configured token (constant-time compare). */
export function bearerMatches(header: unknown, token: string, equal: (a: Buffer, b: Buffer) => boolean): boolean {
  if (!token || typeof header !== 'string') return false;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) return false;
  const a = Buffer.from(match[1]);
  const b = Buffer.from(token);
  return a.length === b.length && equal(a, b);
}
