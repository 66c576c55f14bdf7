/**
 * Downloads from a URL served as an attachment through a link with `download`: the page never
 * navigates, so nothing unloads (LiveKit leaves the room on page unload).
 */
export function saveFrom(document: Document, url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = '';
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}
