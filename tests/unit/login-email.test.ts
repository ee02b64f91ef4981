import { normalizeEmail } from '../../src/security/email';

const same = 'operator@ppid.test';

test('the probe\'s variants all become the one address', () => {
  for (const typed of [
    ' operator@ppid.test',
    'operator@ppid.test ',
    'operator@ppid.test\n',
    '\toperator@ppid.test\t',
    '\r\n operator@ppid.test \r\n',
    'OPERATOR@PPID.TEST',
    'Operator@Ppid.Test',
    '\u00a0operator@ppid.test\u3000', // no-break space, ideographic space
    '\u200boperator@ppid.test\ufeff', // zero-width space, BOM at the edges
    '\u0085operator@ppid.test', // next line (NEL)
    'ｏｐｅｒａｔｏｒ＠ｐｐｉｄ．ｔｅｓｔ', // fullwidth
    'ＯＰＥＲＡＴＯＲ@ppid.test',
  ]) {
    expect(normalizeEmail(typed)).toEqual({ ok: true, email: same });
  }
});

test('look-alikes from other alphabets are refused, not matched', () => {
  expect(normalizeEmail('operatоr@ppid.test')).toMatchObject({ ok: false, reason: 'non_ascii' }); // Cyrillic о
  expect(normalizeEmail('οperator@ppid.test')).toMatchObject({ ok: false, reason: 'non_ascii' }); // Greek ο
  expect(normalizeEmail('oper\u200bator@ppid.test')).toMatchObject({ ok: false, reason: 'non_ascii' }); // zero-width inside
  expect(normalizeEmail('İoperator@ppid.test')).toMatchObject({ ok: false, reason: 'non_ascii' });
});

test('missing and malformed input', () => {
  expect(normalizeEmail(undefined)).toEqual({ ok: false, reason: 'missing', email: null });
  expect(normalizeEmail(['operator@ppid.test'])).toMatchObject({ ok: false, reason: 'missing' });
  expect(normalizeEmail(' \t ')).toMatchObject({ ok: false, reason: 'missing' });
  expect(normalizeEmail(' Operator ')).toEqual({ ok: false, reason: 'malformed', email: 'operator' });
  expect(normalizeEmail('a b@ppid.test')).toMatchObject({ ok: false, reason: 'non_ascii' });
});
