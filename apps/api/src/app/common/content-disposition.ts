/**
 * A `Content-Disposition` header for a file of any name (RFC 6266): `filename*` carries the
 * name in UTF-8 (percent-encoded as RFC 8187 asks), and `filename` an ASCII stand-in for
 * clients that do not read `filename*`. Nothing of the name can end the header, add a
 * parameter or put a control character into it.
 */
export function contentDisposition(filename: string, type: 'attachment' | 'inline' = 'attachment'): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encodeRfc8187(filename)}`;
}

/** RFC 8187 `value-chars`: encodeURIComponent leaves a few that are not attr-chars. */
function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
