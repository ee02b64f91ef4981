import { REDACTED, isSecretParam, redactUrl } from '../../src/http/log-redaction';

test('the tracking code and personal data in a query are never logged; the path and harmless values are', () => {
  expect(redactUrl('/api/permohonan-informasi/status?nomor=007%2FPPID%2F2026&kode=K7QM-2XWP-9RTA')).toBe(
    `/api/permohonan-informasi/status?nomor=007%2FPPID%2F2026&kode=${REDACTED}`,
  );
  expect(redactUrl('/api/dip-documents?locale=id&pagination[page]=2&filters[email][$eq]=a%40b.id')).toBe(
    `/api/dip-documents?locale=id&pagination[page]=2&filters[email][$eq]=${REDACTED}`,
  );
  expect(redactUrl('/uploads/a.pdf?ppid_exp=1700000000&ppid_sig=abcdef')).toBe(`/uploads/a.pdf?ppid_exp=1700000000&ppid_sig=${REDACTED}`);
  expect(redactUrl('/x?KODE=abc&Nama=Budi&nik=3175&telepon=0812&token=t&password=p')).not.toMatch(/abc|Budi|3175|0812|=t\b|=p\b/);
  // Encoded names are recognised too.
  expect(redactUrl('/x?%6Bode=abc')).toBe(`/x?%6Bode=${REDACTED}`);
});

test('URLs without a query, empty queries, flags and fragments', () => {
  expect(redactUrl('/api/statistik-permohonan')).toBe('/api/statistik-permohonan');
  expect(redactUrl('/api/statistik-permohonan?')).toBe('/api/statistik-permohonan');
  expect(redactUrl('/api/statistik-permohonan?tahun=2026')).toBe('/api/statistik-permohonan?tahun=2026');
  expect(redactUrl('/x?flag&kode=1#frag')).toBe(`/x?flag&kode=${REDACTED}`);
  expect(redactUrl('/x?bad=%E0%A4%A&kode=%E0%A4%A')).toBe(`/x?bad=%E0%A4%A&kode=${REDACTED}`);
});

test('which parameter names are secret', () => {
  for (const name of ['kode', 'kodeLacak', 'code', 'access_token', 'email', 'nomorIdentitas', 'filters[nama][$contains]']) expect(isSecretParam(name)).toBe(true);
  for (const name of ['nomor', 'tahun', 'locale', 'populate', 'pagination[pageSize]', 'sort', 'status']) expect(isSecretParam(name)).toBe(false);
});
