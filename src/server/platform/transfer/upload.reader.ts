import type { FastifyRequest } from 'fastify';
import { HttpProblem } from '../http/problem.ts';
import { uploadFileName } from '../http/route.ts';

/**
 * The one upload reader: the single file of a multipart/form-data request,
 * read into memory up to a limit. A body announced bigger than the limit is
 * refused before any of it is read; one that grows past it while streaming
 * (no or false Content-Length) is cut off. The file name is checked like any
 * other request field (`uploadFileName`). Every problem is a 4xx with the
 * caller's own problem code, and nothing is stored. Upload routes are
 * declared with `rawBody: true` (multipart is parsed only for those, see
 * http/app.ts).
 */

export type UploadProblem = 'tooLarge' | 'notMultipart' | 'missing' | 'notOneFile' | 'malformed';

export interface UploadRules {
  maxBytes: number;
  /** The problem code answered for each kind of problem (`tooLarge` is 413, `notMultipart` 415, the others 400). */
  problems: Record<UploadProblem, string>;
  /** Limits on the multipart body beyond the file's size (other fields, parts). */
  limits?: { files?: number; fields?: number; parts?: number; fieldSize?: number };
  /** The name given to a file sent without one. */
  fallbackName: string;
  /** The limit as the message shows it, in MB. */
  limitMb: string | number;
}

export interface Upload {
  fileName: string;
  bytes: Buffer;
}

/** Room for the multipart envelope around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

const STATUS: Record<UploadProblem, number> = { tooLarge: 413, notMultipart: 415, missing: 400, notOneFile: 400, malformed: 400 };

/** @fastify/multipart's error codes, by what they mean for the sender. */
const MULTIPART_CODES: Record<string, UploadProblem> = {
  FST_REQ_FILE_TOO_LARGE: 'tooLarge',
  FST_FILES_LIMIT: 'notOneFile',
  FST_PARTS_LIMIT: 'notOneFile',
  FST_FIELDS_LIMIT: 'notOneFile',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'notMultipart',
};

export async function readUpload(req: FastifyRequest, rules: UploadRules): Promise<Upload> {
  const refuse = (kind: UploadProblem) => new HttpProblem(STATUS[kind], rules.problems[kind], kind === 'tooLarge' ? { limitMb: rules.limitMb } : {});
  const announced = Number(req.headers['content-length'] ?? 0);
  if (announced > rules.maxBytes + MULTIPART_OVERHEAD) throw refuse('tooLarge');
  if (typeof req.isMultipart !== 'function' || !req.isMultipart()) throw refuse('notMultipart');
  // A malformed body (bad boundary, truncated stream) is the sender's problem, not the server's.
  const mapped = (e: unknown) => (e instanceof HttpProblem ? e : refuse(MULTIPART_CODES[(e as { code?: string }).code ?? ''] ?? 'malformed'));
  let part;
  try {
    part = await req.file({ limits: { ...rules.limits, fileSize: rules.maxBytes } });
  } catch (e) {
    throw mapped(e);
  }
  if (!part) throw refuse('missing');
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of part.file) {
      size += (chunk as Buffer).length;
      if (size > rules.maxBytes) throw refuse('tooLarge');
      chunks.push(chunk as Buffer);
    }
  } catch (e) {
    throw mapped(e);
  }
  if (part.file.truncated) throw refuse('tooLarge');
  return { fileName: uploadFileName(part.filename, rules.fallbackName), bytes: Buffer.concat(chunks, size) };
}
