import type { TEvidenceFile } from '../../../shared/schemas/evidence.schema.ts';
import type { TProblem } from '../../../shared/schemas/common.schema.ts';
import { ApiError, toApiError } from '../../api/api-client.ts';
import { currentLocale, i18n } from '../../i18n/i18n.ts';

/**
 * Sends one evidence file as multipart/form-data to a module's upload route
 * (the server checks size and type again and answers a translated problem).
 * The CSRF token is read fresh from the session, as the API client does.
 */
export async function uploadEvidence(url: string, file: File): Promise<TEvidenceFile> {
  const session = await fetch('/api/v1/session', { credentials: 'same-origin', headers: { accept: 'application/json' } });
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const form = new FormData();
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'accept-language': currentLocale(), 'x-csrf-token': csrfToken },
      body: form,
    });
  } catch (e) {
    throw toApiError(e);
  }
  const body = (await res.json().catch(() => null)) as (TEvidenceFile & Partial<TProblem>) | null;
  if (res.ok && body) return body;
  if (body && typeof body.title === 'string' && typeof body.code === 'string') {
    throw new ApiError({ type: body.type ?? 'about:blank', title: body.title, status: res.status, code: body.code, errors: body.errors });
  }
  throw new ApiError({ type: 'urn:kumoji:problem:badRequest', title: i18n.t(res.status >= 500 ? 'errors.internal' : 'errors.badRequest'), status: res.status, code: 'badRequest' });
}
