/**
 * An SVG document as a `data:image/svg+xml;base64,...` URL for an <img>. An image cannot run scripts
 * or touch the page, so the server's SVG is shown without ever going through innerHTML.
 */
export function svgDataUrl(svg: string): string {
  // UTF-8 bytes as a binary string, which is what btoa takes.
  const binary = encodeURIComponent(svg).replace(/%([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}
