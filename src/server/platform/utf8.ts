/**
 * Whether bytes are well-formed UTF-8 (no invalid or truncated sequence).
 * One check for every reader of uploaded bytes, so the evidence store's
 * charset and the import's encoding detection agree on what UTF-8 is.
 */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
