/**
 * Finds elements the way a person does: by role and accessible name, or by label. Enough of the
 * accessible-name rules for Confer's markup (aria-label, aria-labelledby, label[for], text content).
 */
export function accessibleName(element: Element): string {
  const label = element.getAttribute('aria-label');
  if (label) return label.trim();
  const labelledBy = element.getAttribute('aria-labelledby');
  const root = element.ownerDocument;
  if (labelledBy) {
    return labelledBy
      .split(/\s+/)
      .map((id) => root.getElementById(id)?.textContent?.trim() ?? '')
      .join(' ')
      .trim();
  }
  if (element.id) {
    const forLabel = root.querySelector(`label[for="${element.id}"]`);
    if (forLabel) return normalise(forLabel.textContent);
  }
  return normalise(element.textContent);
}

const ROLE_SELECTORS: Record<string, string> = {
  button: 'button, [role="button"]',
  link: 'a[href], [role="link"]',
  textbox: 'input:not([type]), input[type="text"], input[type="email"], input[type="password"], input[type="search"], textarea',
  heading: 'h1, h2, h3, h4, h5, h6',
  alert: '[role="alert"]',
  status: '[role="status"]',
  img: 'img, [role="img"]',
  row: 'tr, [role="row"]',
};

export function queryByRole(container: ParentNode, role: string, name?: string | RegExp): HTMLElement | null {
  return queryAllByRole(container, role, name)[0] ?? null;
}

export function queryAllByRole(container: ParentNode, role: string, name?: string | RegExp): HTMLElement[] {
  const selector = ROLE_SELECTORS[role];
  if (!selector) throw new Error(`dom-queries: unknown role ${role}`);
  return Array.from(container.querySelectorAll<HTMLElement>(selector)).filter((element) => matches(accessibleName(element), name));
}

export function getByRole(container: ParentNode, role: string, name?: string | RegExp): HTMLElement {
  const found = queryByRole(container, role, name);
  if (!found) throw new Error(`No ${role} named ${String(name)}`);
  return found;
}

/** The form control whose label reads `text`. */
export function getByLabel(container: ParentNode, text: string | RegExp): HTMLInputElement {
  const label = Array.from(container.querySelectorAll('label')).find((candidate) => matches(normalise(candidate.textContent), text));
  const control = label?.htmlFor ? (container as Element).ownerDocument?.getElementById(label.htmlFor) : null;
  if (!(control instanceof HTMLInputElement)) throw new Error(`No input labelled ${String(text)}`);
  return control;
}

/** Types a value the way a keyboard does, as far as Angular's forms can tell. */
export function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('blur'));
}

/** Text of the elements an element's aria-describedby points to. */
export function description(element: Element): string {
  const ids = element.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
  return ids.map((id) => element.ownerDocument.getElementById(id)?.textContent?.trim() ?? '').join(' ');
}

function matches(actual: string, expected?: string | RegExp): boolean {
  if (expected === undefined) return true;
  return typeof expected === 'string' ? actual === expected : expected.test(actual);
}

function normalise(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
