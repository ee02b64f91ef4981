/**
 * Real Strapi instances in their own processes (tests/helpers/instance-server.js), a throwaway
 * database for them (PostgreSQL or a SQLite file), and nginx in front (Debian's /usr/sbin/nginx,
 * unprivileged, its config, pid and logs in a temporary directory).
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ipcClient } from './ipc';
import { Client } from 'pg';

const ROOT = path.resolve(__dirname, '../..');
export const isPostgres = () => process.env.DATABASE_CLIENT === 'postgres';

export function pgAdmin(database = process.env.PG_ADMIN_DATABASE ?? 'postgres'): Client {
  return new Client({
    host: process.env.DATABASE_HOST ?? '127.0.0.1',
    port: Number(process.env.DATABASE_PORT ?? 5432),
    user: process.env.DATABASE_USERNAME ?? 'postgres',
    password: process.env.DATABASE_PASSWORD ?? '',
    database,
  });
}

/** A new database named `<prefix>_<random>`: the environment that points at it, and its removal. */
export async function throwawayDatabase(prefix: string): Promise<{ env: Record<string, string>; name: string; drop(): Promise<void> }> {
  const tag = `${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  if (isPostgres()) {
    const name = `${prefix}_${tag}`;
    const admin = pgAdmin();
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    return {
      env: { DATABASE_CLIENT: 'postgres', DATABASE_NAME: name },
      name,
      async drop() {
        const c = pgAdmin();
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const file = path.join(ROOT, '.tmp', `${prefix}-${tag}.db`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return {
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.relative(ROOT, file) },
    name: file,
    async drop() {
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
    },
  };
}

export interface Instance {
  port: number;
  child: ChildProcess;
  /** everything the process wrote to stdout (its log lines) */
  output(): string;
  call<T = unknown>(op: string, args?: Record<string, unknown>): Promise<T>;
  /** resolves with the exit code */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/**
 * A loopback port free now, chosen by the system. Fixed ports in the ephemeral range (32768–60999
 * here) collide now and then with the local end of an outgoing connection (PostgreSQL, Redis),
 * which makes an instance fail to start with "port already used".
 */
export async function freePort(): Promise<number> {
  return (await freePorts(1))[0];
}

/** `count` different free loopback ports (all held open until each is known, so none repeats). */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () =>
      new Promise<net.Server>((resolve, reject) => {
        const server = net.createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve(server));
      }),
    ),
  );
  const ports = servers.map((s) => (s.address() as net.AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

/** Forks an instance listening on 127.0.0.1:`port` and waits until it answers. */
export async function startInstance(port: number, env: Record<string, string>): Promise<Instance> {
  const child = fork(path.join(__dirname, 'instance-server.js'), [], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let out = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => process.stderr.write(chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const { ready, call } = ipcClient(child, `instance on port ${port}`, () => out.slice(-3000));
  await ready;
  return {
    port,
    child,
    output: () => out,
    call,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      await call('stop').catch(() => undefined);
      await exited;
    },
  };
}

export interface Nginx {
  port: number;
  dir: string;
  stop(): Promise<void>;
}

/** The proxy part of the README's nginx example, for the given upstream ports. */
export function nginxConfig(dir: string, port: number, upstreams: number[]): string {
  return `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream ppid_cms {
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=10s;`).join('\n')}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 100m;
    location / {
      proxy_pass http://ppid_cms;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Request-Id $request_id;
      proxy_next_upstream error timeout http_502 http_503;
      # Test only: which instance answered.
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
}

export const NGINX = process.env.PPID_NGINX || '/usr/sbin/nginx';

export async function startNginx(port: number, upstreams: number[]): Promise<Nginx> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-multi-nginx-'));
  fs.writeFileSync(path.join(dir, 'nginx.conf'), nginxConfig(dir, port, upstreams));
  const proc = spawn(NGINX, ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', path.join(dir, 'nginx.conf')], { stdio: 'inherit' });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  await waitForPort(port, 15_000);
  return {
    port,
    dir,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.kill('SIGQUIT');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function waitForPort(port: number, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`nothing listens on 127.0.0.1:${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
