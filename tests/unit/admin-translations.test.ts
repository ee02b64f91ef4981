/**
 * The Indonesian admin panel (src/admin/translations/, merged into config.translations.id by
 * src/admin/app.tsx) against the installed Strapi packages: every English message of the admin,
 * the Content Manager, the Media Library, i18n, Email, Users & Permissions and the Content-Type
 * Builder has an Indonesian string (bundled id.json or
 * ours, under the runtime key), none is empty or left in English, and each keeps exactly the
 * ICU arguments and rich-text tags of its English original (parsed with the same ICU parser
 * react-intl uses, so a broken plural or tag fails here, not in the browser).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { indonesianTranslations, PACKAGES, prefixKeys } from '../../src/admin/translations';

const STRAPI = path.resolve(__dirname, '../../node_modules/@strapi');

/** Where each package keeps its admin translations and its compiled admin code. */
const SOURCES: Record<string, { translations: string; dist: string }> = {
  admin: { translations: 'admin/dist/admin/admin/src/translations', dist: 'admin/dist/admin' },
  'content-manager': { translations: 'content-manager/dist/admin/translations', dist: 'content-manager/dist/admin' },
  upload: { translations: 'upload/dist/admin/translations', dist: 'upload/dist/admin' },
  i18n: { translations: 'i18n/dist/admin/translations', dist: 'i18n/dist/admin' },
  email: { translations: 'email/dist/admin/translations', dist: 'email/dist/admin' },
  'users-permissions': {
    translations: 'plugin-users-permissions/dist/admin/translations',
    dist: 'plugin-users-permissions/dist/admin',
  },
  'content-type-builder': { translations: 'content-type-builder/dist/admin/translations', dist: 'content-type-builder/dist/admin' },
};

/** English strings that are the same word in Indonesian, product names and technical tokens. */
const SAME_AS_ENGLISH = new Set([
  'Email', 'URL', 'JSON', 'Logo', 'Editor', 'Payload', 'Label', 'Status', 'status', 'Audio', 'Video',
  'Beta', 'Token', 'webhook', 'Webhook', 'folder', 'Folder', 'Filter', 'Desktop', 'ID', 'API ID',
  'X', 'Y', 'PDF', 'CSV', 'XLS', 'ZIP', 'Blog', 'Super Admin', 'Single Sign-On', 'Marketplace',
  'Strapi Cloud', 'GraphQL', 'Sentry', 'noopener, nofollow, noreferrer', '_blank, _self, _parent, _top',
  'DKIM', 'OAuth2', 'Operator', 'Boolean', 'Media', 'UID', 'kai@doe.com', 'Kai Doe',
]);

function load(file: string): Record<string, string> | null {
  if (!fs.existsSync(file)) return null;
  const mod = require(file);
  return (mod.default ?? mod) as Record<string, string>;
}

const packages = PACKAGES.map((pkg) => {
  const dir = path.join(STRAPI, SOURCES[pkg.name].translations);
  const en = load(path.join(dir, 'en.json.js'));
  if (!en) throw new Error(`no en.json.js for ${pkg.name} in ${dir}`);
  return { ...pkg, en, bundledId: load(path.join(dir, 'id.json.js')) ?? {} };
});

/** Argument names (with their kind) and tag names used anywhere in an ICU message. */
function signature(message: string): { args: string[]; tags: string[]; text: string } {
  const args = new Set<string>();
  const tags = new Set<string>();
  let text = '';
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.literal) text += el.value;
      else if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) {
        args.add(`${el.value}:${el.type === TYPE.argument ? 'simple' : TYPE[el.type]}`);
      } else if (el.type === TYPE.select || el.type === TYPE.plural) {
        args.add(`${el.value}:${el.type === TYPE.select ? 'select' : 'plural'}`);
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (el.type === TYPE.tag) {
        tags.add(el.value);
        walk(el.children);
      }
    }
  };
  // Strapi has a select without `other` (notification.ee.warning.*), which react-intl accepts too.
  walk(parse(message, { requiresOtherClause: false }));
  return { args: [...args].sort(), tags: [...tags].sort(), text };
}

/** Every [runtime key, English, Indonesian] pair the admin ends up with, per package. */
function effective(pkg: (typeof packages)[number]) {
  return Object.keys(pkg.en).map((key) => {
    const runtimeKey = pkg.prefix ? `${pkg.prefix}.${key}` : key;
    const id = indonesianTranslations[runtimeKey] ?? pkg.bundledId[key];
    return { key, runtimeKey, en: pkg.en[key], id };
  });
}

const isWhitespace = (s: string) => s.trim() === '';

describe.each(packages.map((pkg) => [pkg.name, pkg] as const))('%s', (_name, pkg) => {
  test('every English key has an Indonesian string under its runtime key', () => {
    const missing = effective(pkg).filter((m) => typeof m.id !== 'string').map((m) => m.runtimeKey);
    expect(missing).toEqual([]);
  });

  test('our keys are real keys of the package (no typos, nothing stale after an upgrade)', () => {
    expect(Object.keys(pkg.messages).filter((key) => !(key in pkg.en))).toEqual([]);
  });

  test('no string is empty or still the English one, unless it is untranslatable', () => {
    const bad = effective(pkg).filter((m) => {
      if (isWhitespace(m.en)) return false; // Strapi's own " " placeholders.
      if (isWhitespace(m.id)) return true;
      if (m.id !== m.en) return false;
      return !SAME_AS_ENGLISH.has(m.en) && /\p{L}/u.test(signature(m.en).text);
    });
    expect(bad.map((m) => `${m.runtimeKey}: ${JSON.stringify(m.id)}`)).toEqual([]);
  });

  test('every Indonesian string keeps the arguments and tags of the English one', () => {
    const mismatches: string[] = [];
    for (const m of effective(pkg)) {
      let en: ReturnType<typeof signature>;
      try {
        en = signature(m.en);
      } catch {
        // A few English strings are not valid ICU themselves ("Strapi <no-reply@strapi.io>"):
        // compare with their plain {name} arguments and no tags.
        const names = [...m.en.matchAll(/\{\s*([\w-]+)\s*\}/g)].map((x) => `${x[1]}:simple`);
        en = { args: [...new Set(names)].sort(), tags: [], text: m.en };
      }
      let id: ReturnType<typeof signature>;
      try {
        id = signature(m.id);
      } catch (error) {
        mismatches.push(`${m.runtimeKey}: does not parse (${String(error)})`);
        continue;
      }
      if (JSON.stringify(en.args) !== JSON.stringify(id.args)) mismatches.push(`${m.runtimeKey}: arguments ${id.args} ≠ ${en.args}`);
      if (JSON.stringify(en.tags) !== JSON.stringify(id.tags)) mismatches.push(`${m.runtimeKey}: tags ${id.tags} ≠ ${en.tags}`);
    }
    expect(mismatches).toEqual([]);
  });

  test('ids used in code with only a defaultMessage: translated, same arguments, still used by the package', () => {
    const dist = path.join(STRAPI, SOURCES[pkg.name].dist);
    const code: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== 'translations') walk(full);
        } else if (entry.name.endsWith('.js')) code.push(fs.readFileSync(full, 'utf8'));
      }
    };
    walk(dist);
    const source = code.join('\n');
    const problems: string[] = [];
    for (const [key, { en, id }] of Object.entries(pkg.codeOnly)) {
      if (isWhitespace(id)) problems.push(`${key}: empty`);
      if (id === en && !SAME_AS_ENGLISH.has(en)) problems.push(`${key}: still English`);
      const [enSig, idSig] = [signature(en), signature(id)];
      if (JSON.stringify([enSig.args, enSig.tags]) !== JSON.stringify([idSig.args, idSig.tags])) {
        problems.push(`${key}: arguments/tags differ from ${JSON.stringify(en)}`);
      }
      // The id is in the code, either whole or as the plugin-relative part given to getTrad().
      const bare = pkg.prefix && key.startsWith(`${pkg.prefix}.`) ? key.slice(pkg.prefix.length + 1) : key;
      const quoted = (id: string) => ["'", '"', '`'].some((q) => source.includes(`${q}${id}${q}`));
      if (!quoted(key) && !quoted(bare)) problems.push(`${key}: no longer used by ${pkg.name}`);
      // A code-only id must not shadow a key that has a proper English message.
      if (packages.some((p) => (p.prefix ? key.startsWith(`${p.prefix}.`) && key.slice(p.prefix.length + 1) in p.en : key in p.en))) {
        problems.push(`${key}: has an en.json message, belongs in the package's main map`);
      }
    }
    expect(problems).toEqual([]);
  });
});

test('the merged map keeps the plugin prefixes (the keys Strapi registers plugin messages under)', () => {
  expect(indonesianTranslations['global.save']).toBe('Simpan');
  expect(indonesianTranslations['global.back']).toBe('Kembali');
  expect(indonesianTranslations['content-manager.components.LeftMenu.collection-types']).toBe('Tipe Koleksi');
  expect(indonesianTranslations['content-manager.relation.add']).toBe('Tambah atau buat relasi');
  expect(indonesianTranslations['upload.plugin.name']).toBe('Pustaka Media');
  expect(indonesianTranslations['i18n.CMEditViewCopyLocale.copy-text']).toBe('Isi dari bahasa lain');
  // Unprefixed plugin keys would be ignored by the admin.
  expect(indonesianTranslations['relation.add']).toBeUndefined();
  expect(prefixKeys({ a: 'b' }, 'upload')).toEqual({ 'upload.a': 'b' });
  expect(prefixKeys({ a: 'b' }, '')).toEqual({ a: 'b' });
});

test("the app's own PPID strings still win over ours in config.translations.id", () => {
  const app = fs.readFileSync(path.resolve(__dirname, '../../src/admin/app.tsx'), 'utf8');
  const idBlock = app.slice(app.indexOf('id: {'), app.indexOf('en: {'));
  expect(idBlock.indexOf('...indonesianTranslations')).toBeGreaterThan(-1);
  expect(idBlock.indexOf('...indonesianTranslations')).toBeLessThan(idBlock.indexOf("'app.components.LeftMenu.navbrand.title'"));
  expect(idBlock.indexOf('...indonesianTranslations')).toBeLessThan(idBlock.indexOf('...workflowTranslations'));
});
