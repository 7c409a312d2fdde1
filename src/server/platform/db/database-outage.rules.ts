/**
 * Whether an error means the database cannot be reached right now (stopped,
 * restarting, the connection cut), as opposed to a defect or a refused
 * statement. Such a request is answered 503 with Retry-After: trying again
 * later is the right advice, and nothing was changed.
 */

/** Socket errors of a connection attempt: no server listening (TCP, or the Unix socket gone). */
const CONNECT_ERRNOS = new Set(['ECONNREFUSED', 'ENOENT', 'EHOSTUNREACH', 'ENETUNREACH']);
/** Socket errors of an open connection: the server went away under it. */
const CONNECTION_ERRNOS = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT']);
/**
 * SQLSTATE 57P01 admin_shutdown (also what a backend says when its postmaster died),
 * 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up, shutting down, recovering).
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03']);
/** What pg and pg-pool throw without a code when the connection ends or cannot be made in time. */
const DRIVER_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect$/,
  /^Client has encountered a connection error and is not queryable$/,
];

interface ErrorLike {
  code?: unknown;
  syscall?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
}

function itselfUnavailable(e: ErrorLike): boolean {
  const code = typeof e.code === 'string' ? e.code : '';
  // An ENOENT of anything but a connect is a missing file, not a missing database.
  if (CONNECT_ERRNOS.has(code)) return e.syscall === 'connect';
  if (CONNECTION_ERRNOS.has(code)) return true;
  // SQLSTATE class 08: connection exception.
  if (/^08[0-9A-Z]{3}$/.test(code) || UNAVAILABLE_SQLSTATES.has(code)) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return DRIVER_MESSAGES.some((m) => m.test(message));
}

/** Looks through `cause` (Drizzle wraps driver errors) and `AggregateError.errors` (one per address tried). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length) {
    const e = pending.pop();
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    const candidate = e as ErrorLike;
    if (itselfUnavailable(candidate)) return true;
    pending.push(candidate.cause);
    if (Array.isArray(candidate.errors)) pending.push(...(candidate.errors as unknown[]));
  }
  return false;
}
