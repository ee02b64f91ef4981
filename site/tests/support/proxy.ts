/**
 * A pass-through proxy in front of the CMS that a test can break: while `failing`, the public
 * DIP list answers 503 (the CMS's other routes, such as the status report, still pass).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export async function startProxy(target: () => string | undefined, port = 0) {
  const state = { failing: false };
  const server = http.createServer((req, res) => {
    if (state.failing && (req.url ?? '').startsWith('/api/dip-documents')) {
      res.writeHead(503, { 'Content-Type': 'application/json' }).end('{"error":"unavailable"}');
      return;
    }
    const base = target();
    if (!base) {
      // The CMS is still starting (its seed already sends webhooks).
      res.writeHead(503).end();
      return;
    }
    const upstream = new URL(req.url ?? '/', base);
    const forward = http.request(upstream, { method: req.method, headers: { ...req.headers, host: upstream.host } }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    state,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
