import type { TProblem } from '../../shared/schemas/common.schema.ts';
import { currentLocale, i18n } from '../i18n/i18n.ts';

/**
 * A small typed wrapper over fetch for /api/v1.
 * - state-changing requests (JSON, or a file as multipart/form-data) carry the CSRF token (from GET /api/v1/session) in X-CSRF-Token;
 * - the UI language goes in Accept-Language, so problems come back already translated;
 * - RFC 9457 problem documents become an ApiError with per-field messages.
 */

export class ApiError extends Error {
  constructor(readonly problem: TProblem) {
    super(problem.title);
    this.name = 'ApiError';
  }

  /** The translated title, for display. */
  get title(): string {
    return this.problem.title;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }

  /** Field path → translated message (first one per field). */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) if (!(e.path in out)) out[e.path] = e.message;
    return out;
  }
}

/** Anything thrown by a request, as an ApiError (network failures and non-problem answers included). */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError({ type: 'urn:kumoji:problem:network', title: i18n.t('common.networkError'), status: 0, code: 'network' });
}

let csrfToken: string | null = null;

/** Remembered from each GET /api/v1/session answer. */
export function rememberCsrfToken(token: string): void {
  csrfToken = token;
}

async function freshCsrfToken(): Promise<string> {
  const res = await fetch('/api/v1/session', { credentials: 'same-origin', headers: { accept: 'application/json' } });
  const body = (await res.json()) as { csrfToken: string };
  csrfToken = body.csrfToken;
  return csrfToken;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

async function problemOf(res: Response): Promise<ApiError> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await res.json()) as Partial<TProblem>;
      if (body && typeof body.title === 'string' && typeof body.code === 'string') {
        return new ApiError({ type: body.type ?? 'about:blank', title: body.title, status: res.status, code: body.code, errors: body.errors });
      }
    } catch {
      /* fall through */
    }
  }
  // Not one of ours (a proxy in between, a server that is restarting).
  const code = res.status >= 500 ? 'internal' : 'badRequest';
  return new ApiError({ type: `urn:kumoji:problem:${code}`, title: i18n.t(`errors.${code}`), status: res.status, code });
}

async function send<T>(method: Method, path: string, body: unknown, signal: AbortSignal | undefined, retried: boolean): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': currentLocale() };
  // A file goes as multipart/form-data: the browser writes that content type, with its boundary.
  const form = body instanceof FormData;
  if (method !== 'GET') {
    if (!form) headers['content-type'] = 'application/json';
    headers['x-csrf-token'] = csrfToken ?? (await freshCsrfToken());
  }
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      signal,
      body: method === 'GET' ? undefined : form ? body : JSON.stringify(body ?? {}),
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw toApiError(e);
  }
  if (res.ok) {
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }
  const error = await problemOf(res);
  // The CSRF cookie can change under us (another tab, an expired cookie): fetch a token once more and retry.
  if (error.code === 'csrf' && !retried) {
    await freshCsrfToken();
    return send<T>(method, path, body, signal, true);
  }
  throw error;
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => send<T>('GET', path, undefined, signal, false),
  /** A whole list, which the API answers as `{ items }`: the items themselves. */
  items: async <T>(path: string, signal?: AbortSignal) => (await send<{ items: T[] }>('GET', path, undefined, signal, false)).items,
  post: <T>(path: string, body: unknown = {}) => send<T>('POST', path, body, undefined, false),
  patch: <T>(path: string, body: unknown) => send<T>('PATCH', path, body, undefined, false),
  delete: <T = void>(path: string) => send<T>('DELETE', path, undefined, undefined, false),
  /** One file as the multipart field `file` (the server checks size, type and content and answers a translated problem). */
  upload: <T>(path: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return send<T>('POST', path, form, undefined, false);
  },
};

/** A query string from defined, non-empty values. */
export function queryString(params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
