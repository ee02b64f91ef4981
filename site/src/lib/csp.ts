/**
 * The Content-Security-Policy of every page: no inline script or style anywhere, scripts and
 * styles only from the site itself; 'wasm-unsafe-eval' lets Pagefind's WebAssembly search run
 * (it allows compiling WebAssembly, not evaluating strings). Pure.
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/** In a <meta> (works on any static host; frame-ancestors is ignored there, so it is left out). */
export const CSP_META = CSP_DIRECTIVES.join('; ');

/** As an HTTP header (server/serve.ts, and what docs tell a web server or CDN to send). */
export const CSP_HEADER = [...CSP_DIRECTIVES, "frame-ancestors 'none'"].join('; ');
