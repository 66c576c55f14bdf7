/**
 * Puts text on the clipboard. False when it could not: `navigator.clipboard` is absent outside secure
 * contexts, and a browser may refuse; then the page asks the person to copy by hand.
 */
export async function copyText(document: Document, text: string): Promise<boolean> {
  try {
    const clipboard = document.defaultView?.navigator.clipboard;
    if (!clipboard) return false;
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
