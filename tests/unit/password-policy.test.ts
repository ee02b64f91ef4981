import { COMMON_PASSWORD_COUNT, isCommonPassword } from '../../src/security/common-passwords';
import {
  BCRYPT_MAX_BYTES,
  checkPassword,
  DEFAULT_PASSWORD_POLICY,
  formatProblems,
  isReused,
  PasswordContext,
  PasswordProblem,
  REUSED_PROBLEM,
  reusedProblem,
} from '../../src/security/password-policy';

const policy = DEFAULT_PASSWORD_POLICY;
const budi: PasswordContext = { email: 'budi.santoso@dinas.go.id', firstname: 'Budi', lastname: 'Santoso', username: 'operator7' };
const codes = (pw: string, ctx: PasswordContext = budi, p = policy) => checkPassword(pw, ctx, p).map((x) => x.code);
const find = (pw: string, code: PasswordProblem['code'], ctx: PasswordContext = budi, p = policy) =>
  checkPassword(pw, ctx, p).find((x) => x.code === code);

describe('default policy', () => {
  it('is 12..128 characters with a 5-password history', () => {
    expect(policy).toEqual({ minLength: 12, maxLength: 128, historySize: 5 });
  });
});

describe('checkPassword accepts good passwords without composition rules', () => {
  it.each(['kopi-hujan-senja-merapi', 'gunung lawu pagi berkabut', 'xq7!Vr2#mK9$tL', 'semua huruf kecil tanpa angka', 'Äpfel und Birnen 🍐'])(
    'accepts %p',
    (pw) => {
      expect(checkPassword(pw, budi, policy)).toEqual([]);
    },
  );

  it('accepts exactly 12 characters and exactly 72 ASCII bytes', () => {
    expect(codes('zebra-kuda-7')).toEqual([]);
    expect(codes('k'.repeat(36) + 'j'.repeat(36))).toEqual([]);
  });
});

describe('length', () => {
  it('refuses a short password and says the minimum and the current length', () => {
    const problem = find('Kop1-hujan!', 'TOO_SHORT');
    expect(problem).toBeDefined();
    expect(problem!.message).toContain('minimal 12 karakter');
    expect(problem!.message).toContain('saat ini 11 karakter');
  });

  it('counts Unicode characters, not UTF-16 units', () => {
    // 11 emoji = 22 UTF-16 units, but only 11 characters to a person.
    expect(find('🍐'.repeat(11), 'TOO_SHORT')!.message).toContain('saat ini 11 karakter');
    expect(codes('🍐🍎🍊🍋🍌🍉🍇🍓🫐🍈🍒🍑')).not.toContain('TOO_SHORT');
  });

  it('refuses an empty password as too short', () => {
    expect(find('', 'TOO_SHORT')!.message).toContain('saat ini 0 karakter');
  });

  it('follows a configured minimum', () => {
    expect(codes('kopi-hujan-senja', budi, { ...policy, minLength: 20 })).toContain('TOO_SHORT');
  });

  it('refuses more than 72 bytes because bcrypt would silently ignore the rest', () => {
    expect(BCRYPT_MAX_BYTES).toBe(72);
    const problem = find('k'.repeat(73), 'TOO_LONG');
    expect(problem).toBeDefined();
    expect(problem!.message).toContain('maksimal 72 byte');
    expect(problem!.message).toContain('saat ini 73 byte');
  });

  it('measures the byte limit in UTF-8: 19 emoji are only 19 characters but 76 bytes', () => {
    const pw = '🍐🍎🍊🍋🍌🍉🍇🍓🫐🍈🍒🍑🥝🍅🥥🥑🍆🥔🥕';
    expect(codes(pw)).toEqual(['TOO_LONG']);
    expect(find(pw, 'TOO_LONG')!.message).toContain('saat ini 76 byte');
  });

  it('refuses more characters than a configured maximum, naming that maximum', () => {
    const problem = find('kopi-hujan-senja-merapi', 'TOO_LONG', budi, { ...policy, maxLength: 20 });
    expect(problem!.message).toContain('maksimal 20 karakter');
    expect(problem!.message).toContain('saat ini 23 karakter');
  });
});

describe('common passwords', () => {
  it('ships a list of several thousand entries including Indonesian favourites', () => {
    expect(COMMON_PASSWORD_COUNT).toBeGreaterThanOrEqual(5000);
    for (const pw of ['bismillah', 'indonesia', 'sayangku', 'rahasia', 'admin123', 'qwerty', 'password', '123456', 'ppid', 'ppid2024', 'dinas123', 'merdeka45']) {
      expect(isCommonPassword(pw)).toBe(true);
    }
    // Entries that only the breach-derived base list has, proving it was loaded, not just our Indonesian words.
    expect(isCommonPassword('trustno1')).toBe(true);
    expect(isCommonPassword('DRAGON')).toBe(true);
    expect(isCommonPassword('kopi-hujan-senja-merapi')).toBe(false);
    expect(isCommonPassword('')).toBe(false);
  });

  it.each(['bismillah123', 'BISMILLAH123', 'sayangku2024', 'indonesia1945', 'qwertyuiop123', 'Password1234', 'ppid20242024', 'rahasia12345'])(
    'refuses %p as common',
    (pw) => {
      expect(codes(pw, {})).toContain('COMMON');
    },
  );

  it('refuses a common word with digits and symbols appended ("password123!")', () => {
    expect(codes('password123!', {})).toEqual(['COMMON']);
    expect(codes('Sayangku2024!!', {})).toEqual(['COMMON']);
    expect(codes('Bismillah!@#$%1', {})).toEqual(['COMMON']);
    expect(find('password123!', 'COMMON', {})!.message).toMatch(/terlalu umum/);
  });

  it('does not refuse a long passphrase just because it contains a common word', () => {
    expect(codes('password-kuda-baterai-staples', {})).toEqual([]);
  });
});

describe('personal information', () => {
  it.each([
    ['first name', 'kopiBUDIhujan77'],
    ['last name', 'hujan-santoso-pagi'],
    ['username', 'xx-Operator7-yy-zz'],
    ['e-mail local part', 'budi.santoso.pagi!'],
    ['a word of the e-mail local part', 'SANTOSO-kopi-pagi-99'],
    ['whole e-mail', 'budi.santoso@dinas.go.id!'],
  ])('refuses the %s (case-insensitive)', (_what, pw) => {
    expect(codes(pw)).toContain('CONTAINS_PERSONAL');
  });

  it('names the offending part so the user knows what to remove', () => {
    expect(find('hujan-santoso-pagi', 'CONTAINS_PERSONAL')!.message).toContain('"santoso"');
  });

  it('checks each word of a multi-word name', () => {
    expect(codes('kopi-nurhaliza-2024', { firstname: 'Siti Nurhaliza' })).toContain('CONTAINS_PERSONAL');
  });

  it('ignores parts shorter than 3 characters, which would match innocent passwords', () => {
    const ctx: PasswordContext = { firstname: 'Al', lastname: 'Ng', username: 'ab', email: 'jo@dinas.go.id' };
    expect(codes('alpukat-ngarai-jolly-abu', ctx)).toEqual([]);
    // …but the whole e-mail address is still refused.
    expect(codes('x-jo@dinas.go.id-x', ctx)).toContain('CONTAINS_PERSONAL');
  });

  it('copes with missing context fields', () => {
    expect(codes('kopi-hujan-senja-merapi', {})).toEqual([]);
    expect(codes('kopi-hujan-senja-merapi', { email: null, firstname: null, lastname: undefined, username: '' })).toEqual([]);
  });
});

describe('several problems at once', () => {
  it('reports every problem, and formatProblems joins them into one Indonesian sentence', () => {
    const problems = checkPassword('budi123', budi, policy);
    expect(problems.map((p) => p.code)).toEqual(['TOO_SHORT', 'COMMON', 'CONTAINS_PERSONAL']);
    const text = formatProblems(problems);
    expect(text.startsWith('Kata sandi minimal 12 karakter (saat ini 7 karakter)')).toBe(true);
    expect(text).toContain('; kata sandi ini terlalu umum');
    expect(text).toContain('; kata sandi tidak boleh memuat nama');
    expect(text.endsWith('.')).toBe(true);
    expect(text.match(/\./g)!.length).toBe(1);
  });

  it('formats no problems as an empty string', () => {
    expect(formatProblems([])).toBe('');
  });
});

describe('password history', () => {
  // A stand-in for bcrypt.compare: the helper only needs "does this plain text match this hash".
  const fakeHash = (pw: string) => `hash(${pw})`;
  const calls: string[] = [];
  const compare = async (plain: string, hash: string) => {
    calls.push(hash);
    return hash === fakeHash(plain);
  };
  const history = ['lama-satu-aaaa', 'lama-dua-bbbbb', 'lama-tiga-cccc'].map(fakeHash);

  beforeEach(() => {
    calls.length = 0;
  });

  it('detects reuse of any of the previous passwords', async () => {
    await expect(isReused('lama-dua-bbbbb', history, compare)).resolves.toBe(true);
    await expect(isReused('lama-tiga-cccc', history, compare)).resolves.toBe(true);
  });

  it('accepts a password that is not in the history, checking every stored hash', async () => {
    await expect(isReused('baru-sekali-dddd', history, compare)).resolves.toBe(false);
    expect(calls).toEqual(history);
  });

  it('stops at the first match, since each bcrypt compare is slow', async () => {
    await isReused('lama-satu-aaaa', history, compare);
    expect(calls).toEqual([history[0]]);
  });

  it('treats an empty history (and empty entries) as no reuse', async () => {
    await expect(isReused('apa-saja-eeee', [], compare)).resolves.toBe(false);
    await expect(isReused('apa-saja-eeee', ['', fakeHash('lain')], compare)).resolves.toBe(false);
    expect(calls).toEqual([fakeHash('lain')]);
  });

  it('propagates a compare failure instead of silently allowing reuse', async () => {
    await expect(isReused('x', ['h'], async () => Promise.reject(new Error('bcrypt rusak')))).rejects.toThrow('bcrypt rusak');
  });

  it('explains the rule in Indonesian with the configured history size', () => {
    expect(REUSED_PROBLEM.code).toBe('REUSED');
    expect(REUSED_PROBLEM.message).toContain('tidak boleh sama dengan 5 kata sandi terakhir');
    expect(reusedProblem(8).message).toContain('tidak boleh sama dengan 8 kata sandi terakhir');
  });
});
