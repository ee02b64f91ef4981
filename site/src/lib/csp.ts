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

/**
 * The same policy letting the pages call the CMS (the request form, tracking): connect-src gains
 * the CMS's origin. Both the <meta> and the server's header must carry it (a browser enforces
 * both). Without an http(s) origin it is the policy above.
 */
export function cspDirectivesFor(cmsOrigin: string | null | undefined): string[] {
  return CSP_DIRECTIVES.map((d) => (cmsOrigin && d === "connect-src 'self'" ? `connect-src 'self' ${cmsOrigin}` : d));
}
export const cspMetaFor = (cmsOrigin: string | null | undefined): string => cspDirectivesFor(cmsOrigin).join('; ');
export const cspHeaderFor = (cmsOrigin: string | null | undefined): string => [...cspDirectivesFor(cmsOrigin), "frame-ancestors 'none'"].join('; ');

/** In a <meta> (works on any static host; frame-ancestors is ignored there, so it is left out). */
export const CSP_META = CSP_DIRECTIVES.join('; ');

/** As an HTTP header (server/serve.ts, and what docs tell a web server or CDN to send). */
export const CSP_HEADER = [...CSP_DIRECTIVES, "frame-ancestors 'none'"].join('; ');
