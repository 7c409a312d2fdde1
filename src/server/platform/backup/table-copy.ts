import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import pgCopy from 'pg-copy-streams';
import { quoted, type TableShape } from './backup-schema.ts';

/**
 * A table's rows as `COPY … TO STDOUT` text, and back with `COPY … FROM STDIN`.
 * The text is fixed by the session settings below, so the same rows give the
 * same bytes, and the same SHA-256, on any server and in any time zone.
 */

const ident = pg.escapeIdentifier;

/** Output settings of a backup or restore session: ISO dates in UTC, hex bytea, shortest exact floats. */
export async function fixOutputSettings(client: pg.ClientBase): Promise<void> {
  await client.query(
    `set client_encoding = 'UTF8'; set DateStyle = 'ISO, YMD'; set TimeZone = 'UTC'; set IntervalStyle = 'postgres';
     set extra_float_digits = 1; set bytea_output = 'hex'`,
  );
}

export interface CopyFigures {
  rows: number;
  bytes: number;
  sha256: string;
}

const columnList = (table: TableShape) => table.columns.map(ident).join(', ');

function copyOut(client: pg.ClientBase, table: TableShape) {
  return client.query(
    pgCopy.to(`copy (select ${columnList(table)} from ${quoted(table, ident)} t order by ${table.orderBy}) to stdout`),
  );
}

/** Counts and hashes what passes through. */
function tap(figures: { bytes: number; hash: ReturnType<typeof createHash> }) {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      figures.bytes += chunk.length;
      figures.hash.update(chunk);
      done(null, chunk);
    },
  });
}

/** Writes the table's rows to `file` (mode 0600: it holds personal data). */
export async function dumpTable(client: pg.ClientBase, table: TableShape, file: string): Promise<CopyFigures> {
  const figures = { bytes: 0, hash: createHash('sha256') };
  const source = copyOut(client, table);
  await pipeline(source, tap(figures), fs.createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  return { rows: source.rowCount, bytes: figures.bytes, sha256: figures.hash.digest('hex') };
}

/** The figures of the table's rows as they are now, nothing written. */
export async function hashTable(client: pg.ClientBase, table: TableShape): Promise<CopyFigures> {
  const figures = { bytes: 0, hash: createHash('sha256') };
  const source = copyOut(client, table);
  await pipeline(source, tap(figures), new Writable({ write: (_chunk, _encoding, done) => done() }));
  return { rows: source.rowCount, bytes: figures.bytes, sha256: figures.hash.digest('hex') };
}

/** Loads `file` (as `dumpTable` wrote it) into the table's columns. */
export async function loadTable(client: pg.ClientBase, table: Pick<TableShape, 'schema' | 'name' | 'columns'>, file: string): Promise<number> {
  const sink = client.query(pgCopy.from(`copy ${quoted(table, ident)} (${table.columns.map(ident).join(', ')}) from stdin`));
  await pipeline(fs.createReadStream(file), sink);
  return sink.rowCount;
}

/** SHA-256 and size of a file, read as a stream. */
export async function hashFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const figures = { bytes: 0, hash: createHash('sha256') };
  await pipeline(fs.createReadStream(file), tap(figures), new Writable({ write: (_chunk, _encoding, done) => done() }));
  return { sha256: figures.hash.digest('hex'), bytes: figures.bytes };
}
