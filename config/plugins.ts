import type { Core } from '@strapi/strapi';
import { prepareEnvironment } from '../src/config/env-setup';
import { ALLOWED_MIME_TYPES, DENIED_MIME_TYPES } from '../src/uploads/file-types';
import { storageFromEnv, uploadProviderConfig } from '../src/uploads/storage';

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  prepareEnvironment();
  // 'outbox' (development/tests: log + in-memory, nothing sent), 'nodemailer' (SMTP) or 'sendmail'.
  const provider = env('EMAIL_PROVIDER', 'outbox');
  const sendTimeoutMs = env.int('PPID_OUTBOX_SEND_TIMEOUT_SECONDS', 120) * 1000;
  return {
    'users-permissions': {
      config: {
        jwtSecret: env('JWT_SECRET'),
        register: { allowedFields: [] },
      },
    },
    email: {
      config: {
        provider: provider === 'outbox' ? 'strapi-provider-email-outbox' : provider,
        providerOptions:
          provider === 'nodemailer'
            ? {
                host: env('SMTP_HOST', '127.0.0.1'),
                port: env.int('SMTP_PORT', 587),
                secure: env.bool('SMTP_SECURE', false),
                auth: env('SMTP_USERNAME', '')
                  ? { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD', '') }
                  : undefined,
                // Bounded by the outbox's send timeout, so a stalled delivery ends well within the
                // sender's lease (ppid.outbox.leaseSeconds >= 2 x this) and is never run twice at once.
                connectionTimeout: sendTimeoutMs,
                greetingTimeout: sendTimeoutMs,
                socketTimeout: sendTimeoutMs,
              }
            : { mode: env('EMAIL_OUTBOX_MODE', process.env.NODE_ENV === 'test' ? 'capture' : 'log') },
        settings: {
          defaultFrom: env('EMAIL_FROM', 'ppid@localhost'),
          defaultReplyTo: env('EMAIL_REPLY_TO', env('EMAIL_FROM', 'ppid@localhost')),
        },
      },
    },
    upload: {
      config: {
        // Local disk (public/uploads) by default; PPID_UPLOAD_STORAGE=s3 keeps files in a private
        // S3-compatible bucket (src/uploads/storage.ts), served through the same /uploads gate.
        ...uploadProviderConfig(storageFromEnv(process.env)),
        // Uploads larger than this are refused before they reach the content checks.
        sizeLimit: env.int('PPID_UPLOAD_MAX_MB', 20) * 1024 * 1024,
        // Strapi's own content check (file-type on the first bytes, every upload and replace route).
        // The PPID checks (src/uploads) run before it and are stricter: the content, the extension and
        // the declared type must agree, no markup, no active PDF content.
        security: { allowedTypes: [...ALLOWED_MIME_TYPES], deniedTypes: [...DENIED_MIME_TYPES] },
      },
    },
  };
};
