import type { FastifyRequest } from 'fastify';

/**
 * Set-up and invitation links carry their secret in the address. Request
 * logs keep the path and the other query parameters but never the secret:
 * anyone who can read the logs must not be able to create the first owner or
 * take an invitation meant for someone else.
 */
const SECRET_SEGMENT = /^(\/(?:invitations|api\/v1\/invitation-links)\/)[^/?#]+/;
const SECRET_PARAMS = ['token'];
const MASK = '[redacted]';

export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  const pathPart = (q === -1 ? url : url.slice(0, q)).replace(SECRET_SEGMENT, `$1${MASK}`);
  if (q === -1) return pathPart;
  const params = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const name = pair.split('=', 1)[0] ?? '';
      return SECRET_PARAMS.includes(decodeURIComponentSafe(name).toLowerCase()) ? `${name}=${MASK}` : pair;
    });
  return `${pathPart}?${params.join('&')}`;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Fastify's request log line, with the address redacted. */
export function serializeRequest(req: FastifyRequest) {
  return { method: req.method, url: redactUrl(req.url), host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort };
}
