import { installSignInHandover, isSignInPath } from '../../src/admin/auth-handover';

describe('the SPA hands its sign-in forms to the PPID page', () => {
  test('which paths are the sign-in forms', () => {
    for (const p of ['/admin/auth/login', '/admin/auth/login/', '/admin/auth/register-admin', '/admin/auth/register', '/admin/auth/reset-password', '/cms/admin/auth/login']) {
      expect(isSignInPath(p)).toBe(true);
    }
    for (const p of ['/admin', '/admin/auth/forgot-password', '/admin/content-manager', '/admin/auth/login/extra', '/admin/authx/login']) {
      expect(isSignInPath(p)).toBe(false);
    }
  });

  function fakeWindow(start: string) {
    const replaced: string[] = [];
    const listeners: (() => void)[] = [];
    const win = {
      location: { pathname: start, search: '?redirectTo=%2Fcontent-manager', replace: (url: string) => void replaced.push(url) },
      history: {
        pushState(_s: unknown, _t: string, url: string) {
          win.location.pathname = url;
        },
        replaceState(_s: unknown, _t: string, url: string) {
          win.location.pathname = url;
        },
      } as unknown as History,
      addEventListener: (_type: 'popstate', listener: () => void) => void listeners.push(listener),
    };
    return { win, replaced, listeners };
  }

  test('a router move to a sign-in form reloads it from the server once; other moves do nothing', () => {
    const { win, replaced } = fakeWindow('/admin');
    installSignInHandover(win);
    win.history.pushState(null, '', '/admin/content-manager');
    expect(replaced).toEqual([]);
    win.history.pushState(null, '', '/admin/auth/login/');
    win.history.replaceState(null, '', '/admin/auth/login');
    expect(replaced).toEqual(['/admin/auth/login?redirectTo=%2Fcontent-manager']);
  });

  test('the back button to a sign-in form reloads too', () => {
    const { win, replaced, listeners } = fakeWindow('/admin');
    installSignInHandover(win);
    win.location.pathname = '/admin/auth/register-admin';
    listeners.forEach((l) => l());
    expect(replaced).toEqual(['/admin/auth/register-admin?redirectTo=%2Fcontent-manager']);
  });
});
