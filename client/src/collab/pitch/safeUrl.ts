/** Only web addresses (and mail links) go into links and images. */
export function safeUrl(raw: string | null, { mail = false } = {}): string | null {
  const value = raw?.trim();
  if (!value) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
  try {
    const url = new URL(withScheme);
    return url.protocol === 'https:' || url.protocol === 'http:' || (mail && url.protocol === 'mailto:') ? url.href : null;
  } catch {
    return null;
  }
}
