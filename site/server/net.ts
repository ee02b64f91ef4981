import type http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listen on host:port (port 0 = a free one); resolves to the base URL. */
export function listen(server: http.Server, host: string, port: string | number): Promise<string> {
  const n = Number(port);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`not a port: ${port}`);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(n, host, () => {
      const address = server.address() as AddressInfo;
      const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve(`http://${shown}:${address.port}`);
    });
  });
}
