/**
 * Saves a Blob as a file the way a download link does: an object URL on a temporary `<a download>`,
 * revoked once the click has handed it to the browser.
 */
export function saveFile(document: Document, blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url));
  }
}
