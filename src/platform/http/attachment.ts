/** `Content-Disposition: attachment`: an ASCII fallback plus the UTF-8 name (RFC 5987 / 6266) for Chinese file names. */
export function attachmentHeader(utf8Name: string, asciiName: string): string {
  const encoded = encodeURIComponent(utf8Name).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encoded}`;
}
