import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** `kumoji serve` as a real process, for the life-cycle and outage tests. */

export const BIN = path.resolve(import.meta.dirname, '../../bin/kumoji.mjs');

export interface ServeProcess {
  child: ChildProcess;
  output: string[];
  setupUrl?: string;
}

/** Starts `kumoji serve` and resolves once it says it is serving (with the set-up link, when it prints one). */
export function startServe(env: Record<string, string>): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const server: ServeProcess = { child, output: [] };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${server.output.join('')}`)), 60_000);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      server.output.push(text);
      const m = text.match(/(http:\/\/\S+\/setup\?token=\S+)/);
      if (m) server.setupUrl = m[1];
      if (server.output.join('').includes('Kumoji is serving')) {
        // The set-up link is printed right after; give it a moment.
        setTimeout(() => {
          clearTimeout(timer);
          const again = server.output.join('').match(/(http:\/\/\S+\/setup\?token=\S+)/);
          if (again) server.setupUrl = again[1];
          resolve(server);
        }, 300);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}):\n${server.output.join('')}`));
    });
  });
}

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

export interface HttpReply {
  status: number;
  headers: Headers;
  body: any;
}

/** A minimal browser: cookies and the CSRF header. */
export class Http {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(readonly port: number) {}

  async call(method: string, url: string, body?: unknown): Promise<HttpReply> {
    const res = await fetch(`http://127.0.0.1:${this.port}${url}`, {
      method,
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(method !== 'GET' ? { 'x-csrf-token': this.csrf, 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(10_000),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair.split('=');
      this.cookies.set(k, v);
    }
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  }

  async session(): Promise<any> {
    const s = await this.call('GET', '/api/v1/session');
    this.csrf = s.body.csrfToken;
    return s.body;
  }
}

/** The embedded server's postmaster, when postmaster.pid names a live process. */
export function postmasterPids(dataDir: string): number[] {
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return [];
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
    return [pid];
  } catch {
    return [];
  }
}
