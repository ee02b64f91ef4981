/**
 * The sign-in page's behaviour (served as <admin>/ppid-auth/masuk.js, bundled by
 * scripts/build-login-client.js with the esbuild Strapi ships). Only DOM wiring lives here; every
 * decision is in logic.ts. The forms are in src/security/login-page.ts.
 */
import {
  accessTokenCookie,
  afterCodes,
  describeFailure,
  NETWORK_FAILURE,
  nextStep,
  normalizeTotp,
  pageMode,
  PASSWORDS_DIFFER,
  recoveryCodesFileName,
  recoveryCodesText,
  redirectTarget,
  type FailureView,
  type Pending,
} from './logic';
import type { GateAnswer, GateData, LoginPageConfig } from './types';

// The admin API always lives under /admin, whatever path the panel is served on.
const API = '/admin';

interface PageState {
  challengeToken: string | null;
  rememberMe: boolean;
  recovery: boolean;
  codes: string[];
  pending: Pending | null;
}

const state: PageState = { challengeToken: null, rememberMe: false, recovery: false, codes: [], pending: null };

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`Elemen #${id} tidak ada di halaman masuk.`);
  return element as T;
}
const form = (id: string) => byId<HTMLFormElement>(id);
const field = (f: HTMLFormElement, name: string) => f.elements.namedItem(name) as HTMLInputElement;

const cfg = JSON.parse(byId('ppid-config').textContent || '{}') as LoginPageConfig;
const alertBox = byId('alert');
const noteBox = byId('note');

function show(id: string): void {
  document.querySelectorAll<HTMLElement>('.screen').forEach((screen) => {
    screen.hidden = screen.id !== id;
  });
  byId(id).querySelector<HTMLInputElement>('input:not([type=checkbox]):not([readonly])')?.focus();
}

function clearMessages(): void {
  alertBox.hidden = true;
  alertBox.textContent = '';
  noteBox.hidden = true;
  noteBox.textContent = '';
}

function showError(view: Pick<FailureView, 'message' | 'list'>): void {
  alertBox.textContent = view.message;
  if (view.list) {
    const ul = document.createElement('ul');
    for (const message of view.list) {
      const li = document.createElement('li');
      li.textContent = message;
      ul.appendChild(li);
    }
    alertBox.appendChild(ul);
  }
  alertBox.hidden = false;
}
const showMessage = (message: string) => showError({ message, list: null });

function showNote(message: string): void {
  noteBox.textContent = message;
  noteBox.hidden = false;
}

function deviceId(): string | undefined {
  const key = 'strapi.admin.deviceId';
  let id: string | null = null;
  try {
    id = localStorage.getItem(key);
  } catch {
    /* storage blocked: the server accepts no device id */
  }
  if (!id && window.crypto?.randomUUID) {
    id = window.crypto.randomUUID();
    try {
      localStorage.setItem(key, id);
    } catch {
      /* as above */
    }
  }
  return id ?? undefined;
}

async function request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<GateAnswer> {
  const res = await fetch(API + path, {
    method,
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => ({}));
  return { ok: res.ok, status: res.status, json };
}

function failure(view: FailureView): void {
  if (view.restart) {
    state.challengeToken = null;
    show('s-login');
  }
  showError(view);
}

async function onAnswer(answer: GateAnswer): Promise<void> {
  const step = nextStep(answer);
  switch (step.kind) {
    case 'failure':
      return failure(step.failure);
    case 'enroll':
      state.challengeToken = step.challengeToken;
      return startEnrollment();
    case 'code':
      state.challengeToken = step.challengeToken;
      return show('s-code');
    case 'change':
      state.challengeToken = step.challengeToken;
      if (step.recoveryCodes) {
        state.pending = { change: true };
        return showCodes(step.recoveryCodes);
      }
      return show('s-change');
    case 'handoff':
      return handOff(step.data);
    case 'unknown':
      return showMessage('Jawaban server tidak dikenal.');
  }
}

async function startEnrollment(): Promise<void> {
  const answer = await request('POST', '/mfa/setup', { challengeToken: state.challengeToken });
  if (!answer.ok) return failure(describeFailure(answer));
  const data = (answer.json as { data?: { qrCodeDataUrl?: string; manualKey?: string; secret?: string } }).data ?? {};
  byId<HTMLImageElement>('qr').src = data.qrCodeDataUrl ?? '';
  byId('manual-key').textContent = data.manualKey ?? data.secret ?? '';
  show('s-enroll');
}

function storeToken(token: string): void {
  try {
    if (state.rememberMe) {
      localStorage.setItem('jwtToken', JSON.stringify(token));
    } else {
      localStorage.removeItem('jwtToken');
      document.cookie = accessTokenCookie(cfg, token, location.protocol === 'https:');
    }
    localStorage.setItem('isLoggedIn', 'true');
  } catch {
    /* storage blocked: the SPA will ask to sign in again */
  }
}

function handOff(data: GateData & { token: string }): void {
  storeToken(data.token);
  state.pending = { warning: data.passwordExpiryWarning ?? null, recoveryLeft: data.recoveryCodesRemaining };
  if (data.recoveryCodes) return showCodes(data.recoveryCodes);
  continueAfterCodes();
}

function continueAfterCodes(): void {
  const next = afterCodes(state.pending);
  if (next.kind === 'change') {
    state.pending = null;
    return show('s-change');
  }
  if (next.kind === 'warn') {
    state.pending = next.pending;
    byId('warn-text').textContent = next.text;
    return show('s-warn');
  }
  show('s-done');
  location.replace(redirectTarget(location.search, cfg.adminPath));
}

function showCodes(codes: string[]): void {
  state.codes = codes;
  const list = byId('codes-list');
  list.textContent = '';
  for (const code of codes) {
    const li = document.createElement('li');
    li.textContent = code;
    list.appendChild(li);
  }
  field(form('s-codes'), 'saved').checked = false;
  byId<HTMLButtonElement>('codes-continue').disabled = true;
  show('s-codes');
}

function setBusy(f: HTMLFormElement, busy: boolean): void {
  const button = f.querySelector<HTMLButtonElement>('button[type=submit]');
  if (button) button.disabled = busy;
}

/** Submit handlers share: no page reload, messages cleared, button disabled while waiting. */
function onSubmit(f: HTMLFormElement, handler: (f: HTMLFormElement) => Promise<void> | void): void {
  f.addEventListener('submit', (event) => {
    event.preventDefault();
    clearMessages();
    setBusy(f, true);
    Promise.resolve()
      .then(() => handler(f))
      .catch((error: unknown) => {
        showMessage(NETWORK_FAILURE);
        console.error(error);
      })
      // The recovery-codes form stays disabled until "saved" is ticked again.
      .then(() => {
        if (f.id !== 's-codes') setBusy(f, false);
      });
  });
}

function samePasswords(f: HTMLFormElement): boolean {
  const confirm = f.elements.namedItem('confirm') as HTMLInputElement | null;
  if (confirm && field(f, 'password').value !== confirm.value) {
    showMessage(PASSWORDS_DIFFER);
    return false;
  }
  return true;
}

const value = (f: HTMLFormElement, name: string) => field(f, name).value;
const trimmedOrNull = (f: HTMLFormElement, name: string) => value(f, name).trim() || null;

function wireForms(params: URLSearchParams): void {
  onSubmit(form('s-login'), async (f) => {
    state.rememberMe = field(f, 'rememberMe').checked;
    const answer = await request('POST', '/login', {
      email: value(f, 'email').trim(),
      password: value(f, 'password'),
      rememberMe: state.rememberMe,
      deviceId: deviceId(),
    });
    field(f, 'password').value = '';
    await onAnswer(answer);
  });

  onSubmit(form('s-register-admin'), async (f) => {
    if (!samePasswords(f)) return;
    await onAnswer(
      await request('POST', '/register-admin', {
        email: value(f, 'email').trim(),
        firstname: value(f, 'firstname').trim(),
        lastname: trimmedOrNull(f, 'lastname'),
        password: value(f, 'password'),
        deviceId: deviceId(),
      }),
    );
  });

  onSubmit(form('s-register'), async (f) => {
    if (!samePasswords(f)) return;
    await onAnswer(
      await request('POST', '/register', {
        registrationToken: params.get('registrationToken'),
        deviceId: deviceId(),
        userInfo: { firstname: value(f, 'firstname').trim(), lastname: trimmedOrNull(f, 'lastname'), password: value(f, 'password') },
      }),
    );
  });

  onSubmit(form('s-reset'), async (f) => {
    if (!samePasswords(f)) return;
    await onAnswer(await request('POST', '/reset-password', { resetPasswordToken: params.get('code'), password: value(f, 'password') }));
  });

  onSubmit(form('s-enroll'), async (f) => {
    const answer = await request('POST', '/mfa/verify', { challengeToken: state.challengeToken, code: normalizeTotp(value(f, 'code')) });
    field(f, 'code').value = '';
    await onAnswer(answer);
  });

  onSubmit(form('s-code'), async (f) => {
    const body: Record<string, unknown> = { challengeToken: state.challengeToken };
    if (state.recovery) body.recoveryCode = value(f, 'recoveryCode').trim();
    else body.code = normalizeTotp(value(f, 'code'));
    const answer = await request('POST', '/mfa/verify', body);
    field(f, 'code').value = '';
    field(f, 'recoveryCode').value = '';
    await onAnswer(answer);
  });

  const toggle = byId<HTMLAnchorElement>('toggle-recovery');
  toggle.addEventListener('click', (event) => {
    event.preventDefault();
    state.recovery = !state.recovery;
    byId('code-totp').hidden = state.recovery;
    byId('code-recovery').hidden = !state.recovery;
    toggle.textContent = state.recovery ? 'Pakai kode dari aplikasi autentikator' : 'Ponsel tidak tersedia? Pakai kode pemulihan';
    field(form('s-code'), state.recovery ? 'recoveryCode' : 'code').focus();
  });

  onSubmit(form('s-change'), async (f) => {
    if (!samePasswords(f)) return;
    const answer = await request('POST', '/mfa/change-password', { challengeToken: state.challengeToken, password: value(f, 'password') });
    if (answer.ok) {
      field(f, 'password').value = '';
      field(f, 'confirm').value = '';
    }
    await onAnswer(answer);
  });

  const codesForm = form('s-codes');
  const saved = field(codesForm, 'saved');
  saved.addEventListener('change', () => {
    byId<HTMLButtonElement>('codes-continue').disabled = !saved.checked;
  });
  onSubmit(codesForm, () => continueAfterCodes());
  byId('copy-codes').addEventListener('click', () => {
    navigator.clipboard?.writeText(recoveryCodesText(cfg.issuer, state.codes)).then(
      () => showNote('Kode pemulihan disalin.'),
      () => undefined,
    );
  });
  byId('download-codes').addEventListener('click', () => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([recoveryCodesText(cfg.issuer, state.codes)], { type: 'text/plain' }));
    link.download = recoveryCodesFileName(cfg.issuer);
    document.body.appendChild(link);
    link.click();
    link.remove();
  });
  onSubmit(form('s-warn'), () => continueAfterCodes());
}

async function init(): Promise<void> {
  const params = new URLSearchParams(location.search);
  wireForms(params);
  const mode = pageMode(location.pathname);
  if (mode === 'register-admin') return show('s-register-admin');
  if (mode === 'reset-password') {
    if (params.get('code')) return show('s-reset');
    show('s-login');
    return showMessage('Tautan atur ulang kata sandi tidak lengkap.');
  }
  if (mode === 'register') {
    const token = params.get('registrationToken');
    if (!token) {
      show('s-login');
      return showMessage('Tautan undangan tidak lengkap.');
    }
    const answer = await request('GET', `/registration-info?registrationToken=${encodeURIComponent(token)}`);
    if (!answer.ok) {
      show('s-login');
      return failure(describeFailure(answer));
    }
    const info = (answer.json as { data?: { email?: string; firstname?: string; lastname?: string } }).data ?? {};
    const f = form('s-register');
    field(f, 'email').value = info.email ?? '';
    field(f, 'firstname').value = info.firstname ?? '';
    field(f, 'lastname').value = info.lastname ?? '';
    return show('s-register');
  }
  show('s-login');
  const answer = await request('GET', '/init');
  const data = (answer.json as { data?: { hasAdmin?: boolean } }).data;
  if (answer.ok && data?.hasAdmin === false) {
    history.replaceState(null, '', `${cfg.adminPath}/auth/register-admin${location.search}`);
    show('s-register-admin');
  }
}

const start = () => {
  init().catch((error: unknown) => {
    showMessage(NETWORK_FAILURE);
    console.error(error);
  });
};
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
