/**
 * The PPID sign-in page (served by the server at /admin/auth/…) replaces the SPA's own forms,
 * which cannot handle a 2FA challenge. When the SPA routes itself to one of those forms (first
 * visit, logout, expired session), the page is loaded from the server instead. Installed from the
 * admin's public `register` hook, before the SPA's router makes its first move.
 */
const GATED_FORMS = ['login', 'register-admin', 'register', 'reset-password'];

/** True for the SPA paths the server's sign-in page owns: `<admin path>/auth/<form>`. */
export function isSignInPath(pathname: string): boolean {
  const match = /\/auth\/([^/]+)\/?$/.exec(pathname);
  return Boolean(match && GATED_FORMS.includes(match[1]));
}

interface BrowserLike {
  location: { pathname: string; search: string; replace(url: string): void };
  history: History;
  addEventListener(type: 'popstate', listener: () => void): void;
}

export function installSignInHandover(win: BrowserLike): void {
  let reloading = false;
  const check = () => {
    if (reloading || !isSignInPath(win.location.pathname)) return;
    reloading = true;
    win.location.replace(win.location.pathname.replace(/\/+$/, '') + win.location.search);
  };
  for (const name of ['pushState', 'replaceState'] as const) {
    const original = win.history[name];
    win.history[name] = function patched(this: History, ...args: Parameters<History['pushState']>) {
      const result = original.apply(this, args);
      check();
      return result;
    } as History[typeof name];
  }
  win.addEventListener('popstate', check);
}
