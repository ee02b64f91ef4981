/**
 * The Indonesian strings that complete Strapi's bundled translations, keyed as the admin expects
 * them in `config.translations.id` (src/admin/app.tsx).
 *
 * How Strapi 5 merges them (StrapiApp.loadTrads): for each locale it spreads the admin's own
 * `translations/<locale>.json` (keys WITHOUT prefix), then every plugin's `registerTrads()` result
 * (each plugin prefixes its keys with its id: `content-manager.`, `upload.`, `i18n.`, `email.`,
 * `users-permissions.`, `content-type-builder.`), then the
 * app's custom `config.translations[locale]` last. So custom strings override the bundled ones
 * only when keyed exactly like the runtime id: admin keys bare, plugin keys `<pluginId>.<key>`.
 * Keys missing in `id` fall back to the English messages (LanguageProvider), which is why every
 * missing key is listed here.
 */
import { adminCodeOnly, adminId } from './admin-id';
import { contentManagerCodeOnly, contentManagerId } from './content-manager-id';
import { i18nCodeOnly, i18nId } from './i18n-id';
import { contentTypeBuilderId, emailId, usersPermissionsCodeOnly, usersPermissionsId } from './plugins-id';
import { uploadCodeOnly, uploadId } from './upload-id';

export type Messages = Record<string, string>;
export type CodeOnlyMessages = Record<string, { en: string; id: string }>;

/** Each package's en.json-keyed strings and the id its keys get at runtime ('' = no prefix). */
export const PACKAGES: { name: string; prefix: string; messages: Messages; codeOnly: CodeOnlyMessages }[] = [
  { name: 'admin', prefix: '', messages: adminId, codeOnly: adminCodeOnly },
  { name: 'content-manager', prefix: 'content-manager', messages: contentManagerId, codeOnly: contentManagerCodeOnly },
  { name: 'upload', prefix: 'upload', messages: uploadId, codeOnly: uploadCodeOnly },
  { name: 'i18n', prefix: 'i18n', messages: i18nId, codeOnly: i18nCodeOnly },
  { name: 'email', prefix: 'email', messages: emailId, codeOnly: {} },
  { name: 'users-permissions', prefix: 'users-permissions', messages: usersPermissionsId, codeOnly: usersPermissionsCodeOnly },
  { name: 'content-type-builder', prefix: 'content-type-builder', messages: contentTypeBuilderId, codeOnly: {} },
];

/** `{ key: value }` → `{ 'pluginId.key': value }`, as the plugins' own registerTrads do. */
export function prefixKeys(messages: Messages, prefix: string): Messages {
  if (!prefix) return { ...messages };
  return Object.fromEntries(Object.entries(messages).map(([key, value]) => [`${prefix}.${key}`, value]));
}

/** All Indonesian strings, ready for `config.translations.id`. */
export const indonesianTranslations: Messages = Object.assign(
  {},
  // Ids used in code with only a defaultMessage: already full runtime ids.
  ...PACKAGES.map((pkg) => Object.fromEntries(Object.entries(pkg.codeOnly).map(([key, value]) => [key, value.id]))),
  ...PACKAGES.map((pkg) => prefixKeys(pkg.messages, pkg.prefix)),
);
