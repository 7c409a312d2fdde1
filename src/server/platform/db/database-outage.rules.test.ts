import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isDatabaseUnavailable } from './database-outage.rules.ts';

const errno = (code: string, syscall: string) => Object.assign(new Error(`${syscall} ${code}`), { code, syscall });
const sqlState = (code: string, message = 'refused') => Object.assign(new Error(message), { code });
/** As Drizzle wraps a driver error: its own message, the driver's error as `cause`. */
const wrapped = (cause: unknown) => new Error('Failed query: select 1', { cause });

const cases: [string, unknown, boolean][] = [
  ['TCP connect refused (server stopped)', errno('ECONNREFUSED', 'connect'), true],
  ['Unix socket gone (embedded server stopped)', errno('ENOENT', 'connect'), true],
  ['host unreachable', errno('EHOSTUNREACH', 'connect'), true],
  ['network unreachable', errno('ENETUNREACH', 'connect'), true],
  ['connection reset', errno('ECONNRESET', 'read'), true],
  ['broken pipe', errno('EPIPE', 'write'), true],
  ['TCP timeout', errno('ETIMEDOUT', 'read'), true],
  ['57P01 admin_shutdown (postmaster died, or pg_ctl stop)', sqlState('57P01', 'terminating connection due to unexpected postmaster exit'), true],
  ['57P02 crash_shutdown', sqlState('57P02'), true],
  ['57P03 cannot_connect_now (starting up)', sqlState('57P03', 'the database system is starting up'), true],
  ['08006 connection_failure', sqlState('08006'), true],
  ['08001 unable to connect', sqlState('08001'), true],
  ['08P01 protocol violation', sqlState('08P01'), true],
  ['pg: connection ended under a query', new Error('Connection terminated unexpectedly'), true],
  ['pg-pool: connection timeout', new Error('Connection terminated due to connection timeout'), true],
  ['pg-pool: no client in time', new Error('timeout exceeded when trying to connect'), true],
  ['pg: a client that already failed', new Error('Client has encountered a connection error and is not queryable'), true],
  ['wrapped by Drizzle', wrapped(sqlState('57P01')), true],
  ['wrapped twice', new Error('outer', { cause: wrapped(errno('ECONNREFUSED', 'connect')) }), true],
  ['one of several addresses refused', new AggregateError([new Error('other'), errno('ECONNREFUSED', 'connect')]), true],
  ['ENOENT of a file read is not the database', errno('ENOENT', 'open'), false],
  ['ECONNREFUSED without a connect is not claimed', errno('ECONNREFUSED', 'open'), false],
  ['23505 unique violation', sqlState('23505'), false],
  ['22P02 data exception', sqlState('22P02'), false],
  ['40001 serialization failure', sqlState('40001'), false],
  ['57014 query cancelled', sqlState('57014'), false],
  ['53300 too many connections is not claimed', sqlState('53300'), false],
  ['a plain defect', new TypeError("Cannot read properties of undefined (reading 'id')"), false],
  ['a message merely mentioning a terminated connection', new Error('the user said: Connection terminated'), false],
  ['null', null, false],
  ['a string', 'Connection terminated', false],
];

describe('isDatabaseUnavailable', () => {
  for (const [name, error, expected] of cases) {
    test(`${name} → ${expected}`, () => assert.equal(isDatabaseUnavailable(error), expected));
  }
  test('a cause cycle ends', () => {
    const a = new Error('a') as Error & { cause?: unknown };
    a.cause = new Error('b', { cause: a });
    assert.equal(isDatabaseUnavailable(a), false);
  });
});
