import type { Core } from '@strapi/strapi';
import { requestsConfig, type PpidConfig } from '../../../config/ppid-config';
import { sharedRateLimiter, type RateLimiter } from '../../../http/rate-limit';
import { redisClient } from '../../../redis/client';
import { requestStatistics, submitRequest, trackRequest } from '../../../permohonan';
import { isHoneypotFilled, summariseErrors, validateRequestInput } from '../../../permohonan/rules';

/** Largest accepted body: the longest valid form is about 9 KB of text. */
const MAX_BODY_BYTES = 32 * 1024;
const HOUR = 3_600_000;

function fail(ctx: any, status: number, name: string, message: string, details: Record<string, unknown> = {}) {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message, details } };
}

/** One body for "unknown number" and "wrong code", so the answer tells nothing apart. */
const NOT_FOUND_MESSAGE = 'Nomor registrasi atau kode lacak tidak cocok.';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const cfg = requestsConfig(strapi.config.get('ppid') as PpidConfig);
  // Shared by every instance through Redis when REDIS_URL is set, in this process's memory otherwise.
  const submissions: RateLimiter = sharedRateLimiter(redisClient(), 'permohonan', cfg.submissionsPerHour, HOUR);
  const lookups: RateLimiter = sharedRateLimiter(redisClient(), 'lacak', cfg.lookupsPerHour, HOUR);

  async function limited(ctx: any, limiter: RateLimiter): Promise<boolean> {
    const { allowed, retryAfterSeconds } = await limiter.hit(String(ctx.request.ip ?? 'unknown'));
    if (allowed) return false;
    ctx.set('Retry-After', String(retryAfterSeconds));
    fail(ctx, 429, 'TooManyRequestsError', `Terlalu banyak permintaan dari alamat Anda. Coba lagi dalam ${Math.ceil(retryAfterSeconds / 60)} menit.`);
    return true;
  }

  return {
    /** POST /api/permohonan-informasi  { data: { …form fields } } */
    async ajukan(ctx: any) {
      if (await limited(ctx, submissions)) return;
      const length = Number(ctx.request.length ?? ctx.request.headers['content-length'] ?? 0);
      if (length > MAX_BODY_BYTES) return fail(ctx, 413, 'PayloadTooLargeError', 'Isi permohonan terlalu besar (maksimal 32 KB).');
      const body = ctx.request.body;
      const data = body && typeof body === 'object' && !Array.isArray(body) ? body.data : undefined;
      if (isHoneypotFilled(data)) {
        strapi.log.warn('[ppid] permohonan informasi ditolak: kolom jebakan terisi');
        return fail(ctx, 400, 'ValidationError', 'Permohonan tidak dapat diterima.');
      }
      const result = validateRequestInput(data);
      if (!result.ok) return fail(ctx, 400, 'ValidationError', summariseErrors(result.errors), { errors: result.errors });
      ctx.status = 201;
      ctx.body = { data: await submitRequest(strapi, result.value) };
    },

    /** GET /api/permohonan-informasi/status?nomor=&kode=, or POST …/status {"data": {"nomor", "kode"}} */
    async lacak(ctx: any) {
      if (await limited(ctx, lookups)) return;
      const body = ctx.request.body;
      const posted = body && typeof body === 'object' && !Array.isArray(body) ? (body.data && typeof body.data === 'object' ? body.data : body) : {};
      const { nomor, kode } = ctx.method === 'POST' ? posted : ctx.query ?? {};
      if (typeof nomor !== 'string' || typeof kode !== 'string' || !nomor.trim() || !kode.trim() || nomor.length > 60 || kode.length > 40) {
        return fail(ctx, 400, 'ValidationError', 'Isi nomor registrasi dan kode lacak.');
      }
      const status = await trackRequest(strapi, nomor.trim(), kode.trim());
      if (!status) return fail(ctx, 404, 'NotFoundError', NOT_FOUND_MESSAGE);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: status };
    },

    /** GET /api/statistik-permohonan?tahun=2026 (aggregates only) */
    async statistik(ctx: any) {
      const now = new Date().getUTCFullYear();
      const raw = ctx.query?.tahun ?? String(now);
      const year = /^\d{4}$/.test(String(raw)) ? Number(raw) : NaN;
      if (!(year >= 2008 && year <= now + 1)) return fail(ctx, 400, 'ValidationError', `Tahun harus antara 2008 dan ${now + 1}.`);
      ctx.body = { data: await requestStatistics(strapi, year) };
    },
  };
};
