/**
 * The Indonesian sign-in page served on GET <admin>/auth/login (and the register-admin, register,
 * reset-password pages): email + password, then the 2FA code or the enrollment (QR + manual key,
 * recovery codes shown once), or the overdue password change; finally it hands the session to the
 * admin SPA. The HTML is a string here because `tsc` copies only .ts/.json into dist/; the
 * page's behaviour is TypeScript in src/admin-login/, bundled to dist/build/ppid-auth/masuk.js
 * and served as a file (CSP: script-src 'self', no inline script).
 *
 * Hand-off: the server has already set Strapi's httpOnly refresh cookie; the page stores the
 * access token where the SPA looks for it on start (reducer.getStoredToken: localStorage
 * `jwtToken` as JSON when "remember me", else the `jwtToken` cookie on the admin path), sets
 * localStorage `isLoggedIn`, and loads the panel. When the short token expires the SPA renews it
 * through POST /admin/access-token with the refresh cookie, as after its own login.
 */

import fs from 'node:fs';
import path from 'node:path';
import type { LoginPageConfig } from '../admin-login/types';

export type { LoginPageConfig };

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

/** Where scripts/build-login-client.js puts the bundled src/admin-login/main.ts, under dist/. */
export const SCRIPT_BUNDLE = ['build', ASSET_DIR, SCRIPT_FILE] as const;

/**
 * The sign-in page's bundled script. Without it nobody could sign in, so its absence stops
 * start-up with the command that makes it.
 */
export function readLoginScript(distRoot: string): string {
  const file = path.join(distRoot, ...SCRIPT_BUNDLE);
  if (!fs.existsSync(file)) {
    throw new Error(
      `[ppid] The sign-in page script ${file} is missing. Run \`npm run build\` ` +
        '(or `node scripts/build-login-client.js`) before starting Strapi.',
    );
  }
  return fs.readFileSync(file, 'utf8');
}
