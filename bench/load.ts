/**
 * The load generator of the benchmarks: autocannon in a child process (this
 * file run with `--loadgen`), so it does not share the server's event loop,
 * and the CPU each side used while it measured. It still shares the
 * machine's cores with the server and PostgreSQL: for each measurement the
 * CPU used by the calling process (the servers), the embedded PostgreSQL,
 * autocannon and the rest of the machine is given, and CPU time per request
 * is steadier than req/s on a shared machine. Also the small helpers the
 * benchmarks share (free ports, number formats, a JSON GET).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const THIS_FILE = fileURLToPath(import.meta.url);
export const ROOT = path.resolve(path.dirname(THIS_FILE), '..');
const LOADGEN_FLAG = '--loadgen';

export interface LoadJob {
  name: string;
  baseUrl: string;
  /** 'fixed' path, or a path template with random numbers: {rand:min:max} */
  pathTemplate: string;
  headers: Record<string, string>;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
}

export interface LoadResult {
  name: string;
  rps: number;
  rpsTotal: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Cores used during the measurement: load generator, this (server) process, everything else (mostly PostgreSQL). */
  cpu: { loadgen: number; server: number; postgres: number | null; other: number | null };
}

export const num = (v: string | undefined, d: number) => (v && Number.isFinite(Number(v)) ? Number(v) : d);

// ---------------------------------------------------------------- load generator (child process)

function fillTemplate(template: string): string {
  return template.replace(/\{rand:(\d+):(\d+)\}/g, (_m, a: string, b: string) => {
    const min = Number(a);
    const max = Number(b);
    return String(min + Math.floor(Math.random() * (max - min + 1)));
  });
}

type Autocannon = (opts: Record<string, unknown>) => Promise<{
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p99: number; max: number; mean: number };
  duration: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}>;

async function loadgen(job: LoadJob): Promise<void> {
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  const opts = (seconds: number) => ({
    url: job.baseUrl,
    connections: job.connections,
    duration: seconds,
    headers: job.headers,
    // A fixed path is built once; a path with random parts is rebuilt for every request.
    ...(job.pathTemplate.includes('{rand:')
      ? {
          requests: [
            {
              method: 'GET',
              setupRequest: (req: { path: string }) => {
                req.path = fillTemplate(job.pathTemplate);
                return req;
              },
            },
          ],
        }
      : { url: job.baseUrl + job.pathTemplate }),
  });
  if (job.warmupSeconds > 0) await autocannon(opts(job.warmupSeconds));
  process.stdout.write(`${JSON.stringify({ event: 'measuring' })}\n`);
  const cpu0 = process.cpuUsage();
  const r = await autocannon(opts(job.durationSeconds));
  const cpu = process.cpuUsage(cpu0);
  const result: LoadResult = {
    name: job.name,
    rps: r.requests.average,
    rpsTotal: r.requests.total / r.duration,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    max: r.latency.max,
    mean: r.latency.mean,
    total: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    cpu: { loadgen: (cpu.user + cpu.system) / 1e6 / r.duration, server: 0, postgres: null, other: null },
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Busy and total jiffies of the whole machine, from /proc/stat (null where there is none). */
function machineTicks(): { busy: number; total: number } | null {
  try {
    const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const total = f.reduce((s, v) => s + v, 0);
    return { busy: total - f[3] - (f[4] ?? 0), total };
  } catch {
    return null;
  }
}

const CLOCK_TICKS = 100; // USER_HZ on Linux

/** CPU seconds used so far by a process and its children that are still alive (the embedded PostgreSQL server and its backends). */
function treeCpuSeconds(rootPid: number): number | null {
  try {
    let ticks = 0;
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue; // gone
      }
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(entry);
      const ppid = Number(fields[1]);
      if (pid === rootPid || ppid === rootPid) ticks += Number(fields[11]) + Number(fields[12]);
    }
    return ticks / CLOCK_TICKS;
  } catch {
    return null;
  }
}

export function runLoad(job: LoadJob, postgresPid: number | null): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', THIS_FILE, LOADGEN_FLAG, JSON.stringify(job)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    const pgCpu = () => (postgresPid ? treeCpuSeconds(postgresPid) : null);
    let start: { cpu: NodeJS.CpuUsage; ticks: ReturnType<typeof machineTicks>; pg: number | null; at: number } | null = null;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!start && out.includes('"event":"measuring"')) start = { cpu: process.cpuUsage(), ticks: machineTicks(), pg: pgCpu(), at: performance.now() };
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`load generator for ${job.name} exited with ${code}`));
      let result: LoadResult;
      try {
        result = JSON.parse(out.trim().split('\n').pop() ?? '') as LoadResult;
      } catch (e) {
        return reject(new Error(`load generator output unreadable: ${(e as Error).message}\n${out}`));
      }
      if (start) {
        const seconds = (performance.now() - start.at) / 1000;
        const cpu = process.cpuUsage(start.cpu);
        result.cpu.server = (cpu.user + cpu.system) / 1e6 / seconds;
        const pgNow = pgCpu();
        if (pgNow !== null && start.pg !== null) result.cpu.postgres = (pgNow - start.pg) / seconds;
        const ticks = machineTicks();
        if (ticks && start.ticks) {
          const cores = os.cpus().length;
          const machine = ((ticks.busy - start.ticks.busy) / (ticks.total - start.ticks.total)) * cores;
          result.cpu.other = Math.max(0, machine - result.cpu.server - result.cpu.loadgen - (result.cpu.postgres ?? 0));
        }
      }
      resolve(result);
    });
  });
}

// ---------------------------------------------------------------- helpers

const BENCH_PORTS = { min: 3300, max: 3399 };

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

export async function freePorts(count: number): Promise<number[]> {
  const out: number[] = [];
  for (let p = BENCH_PORTS.min; p <= BENCH_PORTS.max && out.length < count; p++) {
    if (await portFree(p)) out.push(p);
  }
  if (out.length < count) throw new Error(`Not enough free ports in ${BENCH_PORTS.min}-${BENCH_PORTS.max}`);
  return out;
}

export const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

export async function getJson(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, { headers });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body };
}

if (process.argv[2] === LOADGEN_FLAG) await loadgen(JSON.parse(process.argv[3]) as LoadJob);
