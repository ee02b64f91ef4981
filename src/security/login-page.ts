/**
 * The Indonesian sign-in page served on GET <admin>/auth/login (and the register-admin, register,
 * reset-password pages): email + password, then the 2FA code or the enrollment (QR + manual key,
 * recovery codes shown once), or the overdue password change; finally it hands the session to the
 * admin SPA. Plain HTML + JS kept as strings in this module because `tsc` copies only .ts/.json
 * into dist/. The script is served as a file (CSP: script-src 'self', no inline script).
 *
 * Hand-off: the server has already set Strapi's httpOnly refresh cookie; the page stores the
 * access token where the SPA looks for it on start (reducer.getStoredToken: localStorage
 * `jwtToken` as JSON when "remember me", else the `jwtToken` cookie on the admin path), sets
 * localStorage `isLoggedIn`, and loads the panel. When the short token expires the SPA renews it
 * through POST /admin/access-token with the refresh cookie, as after its own login.
 */

export interface LoginPageConfig {
  adminPath: string;
  cookieName: string;
  cookiePath: string;
  cookieDomain: string | null;
  minLength: number;
  historySize: number;
  maxAgeDays: number;
  issuer: string;
}

export const ASSET_DIR = 'ppid-auth';
export const SCRIPT_FILE = 'masuk.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

export function loginPageHtml(cfg: LoginPageConfig): string {
  const json = JSON.stringify(cfg).replace(/</g, '\\u003c');
  const hint = `Minimal ${cfg.minLength} karakter; gabungan beberapa kata yang tidak lazim lebih mudah diingat dan sulit ditebak. Tidak boleh kata sandi umum, tidak boleh memuat nama atau email Anda${cfg.historySize > 0 ? `, dan tidak boleh sama dengan ${cfg.historySize} kata sandi terakhir` : ''}.`;
  return `<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="referrer" content="no-referrer">
<title>Masuk — Panel Admin ${esc(cfg.issuer)}</title>
<style>${CSS}</style>
<script type="application/json" id="ppid-config">${json}</script>
<script src="${esc(cfg.adminPath)}/${ASSET_DIR}/${SCRIPT_FILE}" defer></script>
</head>
<body>
<main class="wrap">
  <header class="brand">
    <span class="logo" aria-hidden="true">${esc(cfg.issuer)}</span>
    <div><h1>Panel Admin ${esc(cfg.issuer)}</h1><p>Pejabat Pengelola Informasi dan Dokumentasi</p></div>
  </header>
  <section class="card">
    <noscript><p class="alert">Halaman ini memerlukan JavaScript.</p></noscript>
    <div class="alert" id="alert" role="alert" hidden></div>
    <div class="note" id="note" role="status" hidden></div>

    <form id="s-login" class="screen" hidden novalidate>
      <h2>Masuk</h2>
      <p class="lead">Masukkan email dan kata sandi akun admin Anda.</p>
      <label>Email<input name="email" type="email" autocomplete="username" required></label>
      <label>Kata sandi<input name="password" type="password" autocomplete="current-password" required></label>
      <label class="check"><input name="rememberMe" type="checkbox"> Ingat saya di perangkat ini</label>
      <button type="submit">Masuk</button>
      <p class="small"><a href="${esc(cfg.adminPath)}/auth/forgot-password">Lupa kata sandi?</a></p>
    </form>

    <form id="s-register-admin" class="screen" hidden novalidate>
      <h2>Buat akun super admin pertama</h2>
      <p class="lead">Belum ada admin. Akun ini menjadi super admin dan wajib memakai verifikasi dua langkah.</p>
      <div class="row"><label>Nama depan<input name="firstname" autocomplete="given-name" required></label>
      <label>Nama belakang<input name="lastname" autocomplete="family-name"></label></div>
      <label>Email<input name="email" type="email" autocomplete="username" required></label>
      <label>Kata sandi<input name="password" type="password" autocomplete="new-password" required></label>
      <label>Ulangi kata sandi<input name="confirm" type="password" autocomplete="new-password" required></label>
      <p class="hint">${esc(hint)}</p>
      <button type="submit">Buat akun</button>
    </form>

    <form id="s-register" class="screen" hidden novalidate>
      <h2>Aktifkan akun Anda</h2>
      <p class="lead">Anda diundang menjadi admin. Lengkapi data dan pilih kata sandi.</p>
      <label>Email<input name="email" type="email" readonly></label>
      <div class="row"><label>Nama depan<input name="firstname" autocomplete="given-name" required></label>
      <label>Nama belakang<input name="lastname" autocomplete="family-name"></label></div>
      <label>Kata sandi<input name="password" type="password" autocomplete="new-password" required></label>
      <label>Ulangi kata sandi<input name="confirm" type="password" autocomplete="new-password" required></label>
      <p class="hint">${esc(hint)}</p>
      <button type="submit">Aktifkan akun</button>
    </form>

    <form id="s-reset" class="screen" hidden novalidate>
      <h2>Atur ulang kata sandi</h2>
      <p class="lead">Pilih kata sandi baru. Setelah itu Anda tetap diminta kode verifikasi dua langkah.</p>
      <label>Kata sandi baru<input name="password" type="password" autocomplete="new-password" required></label>
      <label>Ulangi kata sandi baru<input name="confirm" type="password" autocomplete="new-password" required></label>
      <p class="hint">${esc(hint)}</p>
      <button type="submit">Simpan kata sandi</button>
    </form>

    <form id="s-enroll" class="screen" hidden novalidate>
      <h2>Aktifkan verifikasi dua langkah</h2>
      <ol class="steps">
        <li>Pasang aplikasi autentikator di ponsel (Google Authenticator, Microsoft Authenticator, FreeOTP, atau Aegis).</li>
        <li>Pindai kode QR ini, atau ketik kunci manual di bawahnya.</li>
        <li>Masukkan kode 6 angka yang muncul di aplikasi.</li>
      </ol>
      <div class="qr"><img id="qr" alt="Kode QR untuk aplikasi autentikator" width="240" height="240"></div>
      <p class="small center">Kunci manual (${esc(cfg.issuer)}, berbasis waktu, 6 angka):</p>
      <p class="key"><code id="manual-key"></code></p>
      <label>Kode dari aplikasi<input name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required></label>
      <button type="submit">Aktifkan dan masuk</button>
    </form>

    <form id="s-code" class="screen" hidden novalidate>
      <h2>Verifikasi dua langkah</h2>
      <div id="code-totp">
        <p class="lead">Buka aplikasi autentikator dan masukkan kode 6 angka untuk akun ${esc(cfg.issuer)} Anda.</p>
        <label>Kode verifikasi<input name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6"></label>
      </div>
      <div id="code-recovery" hidden>
        <p class="lead">Masukkan salah satu kode pemulihan yang Anda simpan. Setiap kode hanya berlaku sekali.</p>
        <label>Kode pemulihan<input name="recoveryCode" autocomplete="off" spellcheck="false" placeholder="xxxx-xxxx-xxxx"></label>
      </div>
      <button type="submit">Verifikasi</button>
      <p class="small"><a href="#" id="toggle-recovery">Ponsel tidak tersedia? Pakai kode pemulihan</a></p>
    </form>

    <form id="s-change" class="screen" hidden novalidate>
      <h2>Ganti kata sandi</h2>
      <p class="lead">Kata sandi Anda sudah kedaluwarsa (berlaku ${cfg.maxAgeDays} hari). Pilih kata sandi baru untuk melanjutkan.</p>
      <label>Kata sandi baru<input name="password" type="password" autocomplete="new-password" required></label>
      <label>Ulangi kata sandi baru<input name="confirm" type="password" autocomplete="new-password" required></label>
      <p class="hint">${esc(hint)}</p>
      <button type="submit">Simpan dan masuk</button>
    </form>

    <form id="s-codes" class="screen" hidden novalidate>
      <h2>Simpan kode pemulihan Anda</h2>
      <p class="lead">Verifikasi dua langkah sudah aktif. Bila ponsel hilang, masuklah dengan salah satu kode di bawah. <strong>Kode ini hanya ditampilkan sekali</strong>; cetak atau simpan di tempat aman, dan setiap kode berlaku satu kali.</p>
      <ul class="codes" id="codes-list"></ul>
      <div class="row buttons"><button type="button" class="secondary" id="copy-codes">Salin</button><button type="button" class="secondary" id="download-codes">Unduh .txt</button></div>
      <label class="check"><input name="saved" type="checkbox"> Saya sudah menyimpan kode pemulihan ini</label>
      <button type="submit" id="codes-continue" disabled>Lanjutkan ke panel admin</button>
    </form>

    <form id="s-warn" class="screen" hidden novalidate>
      <h2>Kata sandi segera kedaluwarsa</h2>
      <p class="lead" id="warn-text"></p>
      <button type="submit">Lanjutkan ke panel admin</button>
    </form>

    <div id="s-done" class="screen" hidden>
      <h2>Berhasil masuk</h2>
      <p class="lead">Membuka panel admin…</p>
    </div>
  </section>
  <footer>Akun admin dilindungi kata sandi dan verifikasi dua langkah sesuai SOP keamanan website PPID.</footer>
</main>
</body>
</html>`;
}

const CSS = `
*{box-sizing:border-box}
html,body{margin:0;min-height:100%;background:#f1f3f8;color:#1f2330;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif}
.wrap{max-width:460px;margin:0 auto;padding:40px 16px}
.brand{display:flex;gap:14px;align-items:center;margin-bottom:20px}
.brand h1{font-size:1.25rem;margin:0}
.brand p{margin:0;color:#5b6275;font-size:.85rem}
.logo{display:inline-flex;align-items:center;justify-content:center;min-width:56px;height:56px;padding:0 8px;border-radius:12px;background:#8b1a1a;color:#fff;font-weight:700;letter-spacing:.04em}
.card{background:#fff;border-radius:12px;box-shadow:0 1px 4px rgba(33,33,52,.1);padding:28px}
h2{font-size:1.2rem;margin:0 0 6px}
.lead{color:#434a5c;margin:0 0 18px}
label{display:block;font-weight:600;font-size:.9rem;margin:0 0 14px}
label input{display:block;width:100%;margin-top:6px;padding:10px 12px;border:1px solid #c0c4d0;border-radius:6px;font:inherit;font-weight:400}
label input:focus{outline:2px solid #4945ff;outline-offset:1px;border-color:#4945ff}
label input[readonly]{background:#f6f6f9;color:#5b6275}
.check{display:flex;gap:8px;align-items:center;font-weight:400}
.check input{width:auto;margin:0}
.row{display:flex;gap:12px}.row>label{flex:1}
button{display:block;width:100%;padding:11px 14px;border:0;border-radius:6px;background:#4945ff;color:#fff;font:inherit;font-weight:600;cursor:pointer}
button:hover{background:#271fe0}button:disabled{background:#b9b8f5;cursor:not-allowed}
button.secondary{background:#fff;color:#4945ff;border:1px solid #4945ff}
.buttons{margin-bottom:14px}
.small{font-size:.85rem;margin:14px 0 0}.center{text-align:center}
a{color:#4945ff}
.hint{font-size:.82rem;color:#5b6275;margin:-4px 0 16px}
.alert{background:#fcecea;border:1px solid #f5c0b8;color:#b72b1a;border-radius:6px;padding:10px 12px;margin-bottom:16px;font-size:.92rem}
.alert ul{margin:6px 0 0;padding-left:18px}
.note{background:#eafbe7;border:1px solid #c6f0c2;color:#2f6846;border-radius:6px;padding:10px 12px;margin-bottom:16px;font-size:.92rem}
.steps{padding-left:20px;margin:0 0 14px;color:#434a5c;font-size:.92rem}
.qr{display:flex;justify-content:center;margin:6px 0}
.qr img{border:1px solid #dcdce4;border-radius:8px;padding:6px;background:#fff}
.key{text-align:center;margin:4px 0 18px}
.key code{display:inline-block;background:#f6f6f9;border:1px dashed #c0c4d0;border-radius:6px;padding:6px 10px;font-size:1rem;letter-spacing:.06em;word-break:break-all}
.codes{display:grid;grid-template-columns:1fr 1fr;gap:8px;list-style:none;padding:0;margin:0 0 16px}
.codes li{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f6f6f9;border-radius:6px;padding:6px 8px;text-align:center;font-size:.95rem}
footer{margin-top:18px;text-align:center;color:#6b7084;font-size:.8rem}
`;

/** The page's behaviour. Plain ES2017, no dependencies. */
export const LOGIN_SCRIPT = String.raw`(function () {
  'use strict';
  var cfg = JSON.parse(document.getElementById('ppid-config').textContent);
  // The admin API always lives under /admin, whatever path the panel is served on.
  var api = '/admin';
  var state = { challengeToken: null, rememberMe: false, recovery: false, codes: null, pending: null };
  var alertBox = document.getElementById('alert');
  var noteBox = document.getElementById('note');

  function $(id) { return document.getElementById(id); }
  function show(id) {
    var screens = document.querySelectorAll('.screen');
    for (var i = 0; i < screens.length; i++) screens[i].hidden = screens[i].id !== id;
    var first = $(id) && $(id).querySelector('input:not([type=checkbox]):not([readonly])');
    if (first) first.focus();
  }
  function clearMessages() { alertBox.hidden = true; alertBox.textContent = ''; noteBox.hidden = true; noteBox.textContent = ''; }
  function showError(message, list) {
    alertBox.textContent = message;
    if (list && list.length > 1) {
      var ul = document.createElement('ul');
      list.forEach(function (m) { var li = document.createElement('li'); li.textContent = m; ul.appendChild(li); });
      alertBox.textContent = 'Perbaiki hal berikut:';
      alertBox.appendChild(ul);
    }
    alertBox.hidden = false;
  }
  function showNote(message) { noteBox.textContent = message; noteBox.hidden = false; }

  function deviceId() {
    var key = 'strapi.admin.deviceId';
    var id = null;
    try { id = localStorage.getItem(key); } catch (e) {}
    if (!id && window.crypto && crypto.randomUUID) {
      id = crypto.randomUUID();
      try { localStorage.setItem(key, id); } catch (e) {}
    }
    return id || undefined;
  }

  function request(method, path, body) {
    return fetch(api + path, {
      method: method,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: body ? JSON.stringify(body) : undefined
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (json) { return { ok: res.ok, status: res.status, json: json }; });
    });
  }

  var ENGLISH = {
    'Too many requests, please try again later.': 'Terlalu banyak percobaan. Tunggu beberapa menit lalu coba lagi.',
    'Invalid credentials': 'Email atau kata sandi salah.',
    'User not active': 'Akun Anda tidak aktif. Hubungi super admin.',
    'Invalid registration info': 'Tautan undangan tidak sah atau sudah dipakai.',
    'This reset password token has expired': 'Tautan atur ulang kata sandi sudah kedaluwarsa. Minta tautan baru.',
    'You cannot register a new super admin': 'Super admin sudah ada. Silakan masuk.'
  };
  function failure(res) {
    var err = (res.json && res.json.error) || {};
    var details = err.details || {};
    if (details.code === 'CHALLENGE_INVALID') {
      state.challengeToken = null;
      show('s-login');
      showError(err.message);
      return;
    }
    var message = err.message || '';
    if (ENGLISH[message]) message = ENGLISH[message];
    else if (res.status === 429 && !details.code) message = ENGLISH['Too many requests, please try again later.'];
    else if (!message || res.status >= 500) message = 'Terjadi kesalahan (' + res.status + '). Silakan coba lagi.';
    var list = Array.isArray(details.errors) ? details.errors.map(function (e) { return e.message; }) : null;
    showError(message, list);
  }

  function busy(form, on) {
    var b = form.querySelector('button[type=submit]');
    if (b) { b.disabled = on; }
  }

  function submit(form, handler) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      clearMessages();
      busy(form, true);
      Promise.resolve().then(function () { return handler(form); }).catch(function (e) {
        showError('Tidak dapat menghubungi server. Periksa jaringan lalu coba lagi.');
        if (window.console) console.error(e);
      }).then(function () { if (form.id !== 's-codes') busy(form, false); });
    });
  }

  function samePasswords(form) {
    if (form.elements.confirm && form.elements.password.value !== form.elements.confirm.value) {
      showError('Ulangan kata sandi tidak sama. Ketik ulang kedua isian.');
      return false;
    }
    return true;
  }

  /* Every answer of the gate goes through here. */
  function onAnswer(res) {
    if (!res.ok) return failure(res);
    var data = (res.json && res.json.data) || {};
    if (data.mfaRequired) {
      state.challengeToken = data.challengeToken;
      if (data.enrollmentRequired) return startEnrollment();
      show('s-code');
      return;
    }
    if (data.passwordChangeRequired) {
      state.challengeToken = data.challengeToken;
      if (data.recoveryCodes) { state.pending = { change: true }; return showCodes(data.recoveryCodes); }
      show('s-change');
      return;
    }
    if (data.token) return handOff(data);
    showError('Jawaban server tidak dikenal.');
  }

  function startEnrollment() {
    return request('POST', '/mfa/setup', { challengeToken: state.challengeToken }).then(function (res) {
      if (!res.ok) return failure(res);
      var d = res.json.data;
      $('qr').src = d.qrCodeDataUrl;
      $('manual-key').textContent = d.manualKey || d.secret;
      show('s-enroll');
    });
  }

  function storeToken(token) {
    try {
      if (state.rememberMe) {
        localStorage.setItem('jwtToken', JSON.stringify(token));
      } else {
        localStorage.removeItem('jwtToken');
        document.cookie = cfg.cookieName + '=' + encodeURIComponent(token) + '; Path=' + cfg.cookiePath +
          (cfg.cookieDomain ? '; Domain=' + cfg.cookieDomain : '') + '; SameSite=Lax' + (location.protocol === 'https:' ? '; Secure' : '');
      }
      localStorage.setItem('isLoggedIn', 'true');
    } catch (e) {}
  }

  function redirectTarget() {
    var to = new URLSearchParams(location.search).get('redirectTo');
    if (!to || to.charAt(0) !== '/' || to.charAt(1) === '/' || to.charAt(1) === '\\') to = '/';
    return cfg.adminPath + to;
  }

  function handOff(data) {
    storeToken(data.token);
    state.pending = { warning: data.passwordExpiryWarning || null, recoveryLeft: data.recoveryCodesRemaining };
    if (data.recoveryCodes) return showCodes(data.recoveryCodes);
    return continueAfterCodes();
  }

  function continueAfterCodes() {
    var p = state.pending || {};
    if (p.change) { state.pending = null; show('s-change'); return; }
    if (p.warning) { $('warn-text').textContent = p.warning; p.warning = null; show('s-warn'); return; }
    if (typeof p.recoveryLeft === 'number' && p.recoveryLeft <= 3 && !p.recoveryShown) {
      p.recoveryShown = true;
      $('warn-text').textContent = 'Anda masuk dengan kode pemulihan; sisa ' + p.recoveryLeft + ' kode. Buat kode pemulihan baru atau minta super admin mereset 2FA bila ponsel autentikator hilang.';
      show('s-warn');
      return;
    }
    show('s-done');
    location.replace(redirectTarget());
  }

  function showCodes(codes) {
    state.codes = codes;
    var list = $('codes-list');
    list.textContent = '';
    codes.forEach(function (c) { var li = document.createElement('li'); li.textContent = c; list.appendChild(li); });
    var form = $('s-codes');
    form.elements.saved.checked = false;
    $('codes-continue').disabled = true;
    show('s-codes');
  }

  function codesText() {
    return 'Kode pemulihan ' + cfg.issuer + ' (setiap kode berlaku satu kali)\n\n' + state.codes.join('\n') + '\n';
  }

  function init() {
    var path = location.pathname.replace(/\/+$/, '');
    var mode = path.slice(path.lastIndexOf('/') + 1);
    var params = new URLSearchParams(location.search);

    submit($('s-login'), function (form) {
      state.rememberMe = form.elements.rememberMe.checked;
      return request('POST', '/login', {
        email: form.elements.email.value.trim(), password: form.elements.password.value,
        rememberMe: state.rememberMe, deviceId: deviceId()
      }).then(function (res) { form.elements.password.value = ''; return onAnswer(res); });
    });

    submit($('s-register-admin'), function (form) {
      if (!samePasswords(form)) return;
      return request('POST', '/register-admin', {
        email: form.elements.email.value.trim(), firstname: form.elements.firstname.value.trim(),
        lastname: form.elements.lastname.value.trim() || null, password: form.elements.password.value, deviceId: deviceId()
      }).then(onAnswer);
    });

    submit($('s-register'), function (form) {
      if (!samePasswords(form)) return;
      return request('POST', '/register', {
        registrationToken: params.get('registrationToken'), deviceId: deviceId(),
        userInfo: { firstname: form.elements.firstname.value.trim(), lastname: form.elements.lastname.value.trim() || null, password: form.elements.password.value }
      }).then(onAnswer);
    });

    submit($('s-reset'), function (form) {
      if (!samePasswords(form)) return;
      return request('POST', '/reset-password', { resetPasswordToken: params.get('code'), password: form.elements.password.value }).then(onAnswer);
    });

    submit($('s-enroll'), function (form) {
      return request('POST', '/mfa/verify', { challengeToken: state.challengeToken, code: form.elements.code.value.replace(/\s+/g, '') })
        .then(function (res) { form.elements.code.value = ''; return onAnswer(res); });
    });

    submit($('s-code'), function (form) {
      var body = { challengeToken: state.challengeToken };
      if (state.recovery) body.recoveryCode = form.elements.recoveryCode.value.trim();
      else body.code = form.elements.code.value.replace(/\s+/g, '');
      return request('POST', '/mfa/verify', body).then(function (res) {
        form.elements.code.value = ''; form.elements.recoveryCode.value = '';
        return onAnswer(res);
      });
    });

    $('toggle-recovery').addEventListener('click', function (event) {
      event.preventDefault();
      state.recovery = !state.recovery;
      $('code-totp').hidden = state.recovery;
      $('code-recovery').hidden = !state.recovery;
      this.textContent = state.recovery ? 'Pakai kode dari aplikasi autentikator' : 'Ponsel tidak tersedia? Pakai kode pemulihan';
      var input = state.recovery ? $('s-code').elements.recoveryCode : $('s-code').elements.code;
      input.focus();
    });

    submit($('s-change'), function (form) {
      if (!samePasswords(form)) return;
      return request('POST', '/mfa/change-password', { challengeToken: state.challengeToken, password: form.elements.password.value })
        .then(function (res) {
          if (res.ok) { form.elements.password.value = ''; form.elements.confirm.value = ''; }
          return onAnswer(res);
        });
    });

    var codesForm = $('s-codes');
    codesForm.elements.saved.addEventListener('change', function () { $('codes-continue').disabled = !this.checked; });
    submit(codesForm, function () { return continueAfterCodes(); });
    $('copy-codes').addEventListener('click', function () {
      if (navigator.clipboard) navigator.clipboard.writeText(codesText()).then(function () { showNote('Kode pemulihan disalin.'); }, function () {});
    });
    $('download-codes').addEventListener('click', function () {
      var a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([codesText()], { type: 'text/plain' }));
      a.download = 'kode-pemulihan-' + cfg.issuer.toLowerCase() + '.txt';
      document.body.appendChild(a); a.click(); a.remove();
    });
    submit($('s-warn'), function () { return continueAfterCodes(); });

    if (mode === 'register-admin') return show('s-register-admin');
    if (mode === 'reset-password') {
      if (!params.get('code')) { show('s-login'); return showError('Tautan atur ulang kata sandi tidak lengkap.'); }
      return show('s-reset');
    }
    if (mode === 'register') {
      var token = params.get('registrationToken');
      if (!token) { show('s-login'); return showError('Tautan undangan tidak lengkap.'); }
      return request('GET', '/registration-info?registrationToken=' + encodeURIComponent(token)).then(function (res) {
        if (!res.ok) { show('s-login'); return failure(res); }
        var d = res.json.data || {}; var f = $('s-register').elements;
        f.email.value = d.email || ''; f.firstname.value = d.firstname || ''; f.lastname.value = d.lastname || '';
        show('s-register');
      });
    }
    show('s-login');
    return request('GET', '/init').then(function (res) {
      if (res.ok && res.json.data && res.json.data.hasAdmin === false) {
        history.replaceState(null, '', cfg.adminPath + '/auth/register-admin' + location.search);
        show('s-register-admin');
      }
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
`;

/**
 * Injected into the admin SPA's index.html: when the SPA routes to one of its own sign-in forms
 * (after logout, an expired session, the first visit), reload so the server serves this page.
 */
