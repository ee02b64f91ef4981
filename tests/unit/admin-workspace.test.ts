import fs from 'node:fs';
import path from 'node:path';
import { adminHref, modelFromPath, slaBadge, slaFilterSearch, statusOf } from '../../src/admin/workspace/format';
import { arrangeWidgets, mediaLibraryBannerKeys } from '../../src/admin/workspace/homepage';
import { humanizeState, stateLabelMessages } from '../../src/admin/workspace/stateLabels';
import { WORKFLOW_DEFINITIONS } from '../../src/workflows';

test('each SLA status has its text and colour', () => {
  expect(slaBadge('breached')).toEqual({ variant: 'danger', text: 'Terlambat' });
  expect(slaBadge('at_risk')).toEqual({ variant: 'warning', text: 'Hampir jatuh tempo' });
  expect(slaBadge('on_track')).toEqual({ variant: 'success', text: 'Sesuai jadwal' });
  expect(slaBadge('none').text).toBe('Tanpa batas waktu');
  expect(slaBadge('x').text).toBe('Status tidak diketahui');
});

test("the SLA filter is Strapi's own filter on the row's SLA fields, as of the choice; other filters and the page are replaced", () => {
  const current = new URLSearchParams('page=3&pageSize=10&sort=nomor:ASC&filters[$and][0][nomor][$eq]=x');
  const now = new Date('2026-11-20T03:00:00Z');
  const late = new URLSearchParams(slaFilterSearch('breached', now, current).slice(1));
  expect(late.get('page')).toBe('1');
  expect(late.get('sort')).toBe('nomor:ASC');
  expect(late.get('filters[$and][0][slaJatuhTempo][$lt]')).toBe('2026-11-20T03:00:00.000Z');
  expect(late.get('filters[$and][0][nomor][$eq]')).toBeNull();
  expect(late.get('ppidSla')).toBe('breached');
  const soon = new URLSearchParams(slaFilterSearch('at_risk', now, late).slice(1));
  expect([...soon.keys()].filter((k) => k.startsWith('filters['))).toEqual(['filters[$and][0][slaBerisikoPada][$lte]', 'filters[$and][1][slaJatuhTempo][$gte]']);
});

test('the status of stored SLA instants', () => {
  const now = Date.parse('2026-11-20T03:00:00Z');
  expect(statusOf(null, null, now)).toBe('none');
  expect(statusOf('2026-11-20T04:00:00Z', '2026-11-20T05:00:00Z', now)).toBe('on_track');
  expect(statusOf('2026-11-20T03:00:00Z', '2026-11-20T05:00:00Z', now)).toBe('at_risk');
  expect(statusOf('2026-11-20T01:00:00Z', '2026-11-20T03:00:00Z', now)).toBe('at_risk'); // due exactly now: not yet late
  expect(statusOf('2026-11-20T01:00:00Z', '2026-11-20T02:59:59Z', now)).toBe('breached');
});

test('paths', () => {
  expect(modelFromPath('/admin/content-manager/collection-types/api::nota-permintaan.nota-permintaan')).toBe('api::nota-permintaan.nota-permintaan');
  expect(modelFromPath('/admin/content-manager/collection-types/api::dip-document.dip-document/abc?x')).toBe('api::dip-document.dip-document');
  expect(modelFromPath('/admin/settings')).toBeNull();
  expect(adminHref('/content-manager/x')).toBe('/admin/content-manager/x');
});

test("the homepage: ours first, Strapi's last edited/published widgets (which listed audit events) removed", () => {
  const existing = [
    { id: 'last-edited-entries', pluginId: 'content-manager' },
    { id: 'last-published-entries', pluginId: 'content-manager' },
    { id: 'profile-info', pluginId: 'admin' },
    { id: 'chart-entries', pluginId: 'content-manager' },
  ];
  expect(arrangeWidgets<{ id: string; pluginId?: string }>(existing, [{ id: 'pekerjaan-saya' }]).map((w) => w.id)).toEqual(['pekerjaan-saya', 'profile-info', 'chart-entries']);
});

test("the Media Library banner's dismissal key is the one the installed Strapi reads (internal touch point)", () => {
  const root = path.dirname(require.resolve('@strapi/admin/package.json'));
  const banner = fs.readFileSync(path.join(root, 'dist/admin/admin/src/components/MediaLibraryBanner.mjs'), 'utf8');
  expect(banner).toContain('useScopedPersistentState(`STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_${isLegacyMediaLibrary}`, false)');
  const scoped = fs.readFileSync(path.join(root, 'dist/admin/admin/src/hooks/usePersistentState.mjs'), 'utf8');
  expect(scoped).toContain('const namespacedKey = `${key}:${uuid}`;');
  expect(mediaLibraryBannerKeys('abc')).toEqual(['STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_true:abc', 'STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_false:abc']);
});

test("the edit form's state options are named by their labels (enumeration options are looked up by raw value)", () => {
  const root = path.dirname(require.resolve('@strapi/admin/package.json'));
  const input = fs.readFileSync(path.join(root, 'dist/admin/admin/src/components/FormInputs/Enumeration.mjs'), 'utf8');
  expect(input).toMatch(/label \?\? formatMessage\(\{\s*id: value,\s*defaultMessage: value\s*\}\)/);
  const messages = stateLabelMessages(WORKFLOW_DEFINITIONS);
  expect(messages.menunggu_dip).toBe('Menunggu DIP dari Sekretariat/Bidang');
  expect(messages.menunggu_paraf).toBe('Menunggu paraf Koordinator');
  // Used by several workflows with different labels: the name itself, capitalised.
  expect(messages.selesai).toBe('Selesai');
  expect(messages.menunggu_persetujuan).toBe('Menunggu persetujuan Koordinator');
  expect(humanizeState('tidak_dikuasai')).toBe('Tidak dikuasai');
  // Every state of every workflow (items included) has one.
  for (const def of WORKFLOW_DEFINITIONS) for (const name of Object.keys(def.states)) expect(messages[name]).toBeTruthy();
});
