/** Finding elements by role and name, or by label, the way a person does (a small subset of the rules). */
export function byButton(container: ParentNode, name: string | RegExp): HTMLButtonElement | null {
  return (
    Array.from(container.querySelectorAll('button')).find((button) => matches(button.getAttribute('aria-label') ?? spokenText(button), name)) ?? null
  );
}

export function byLabel(container: ParentNode, name: string): HTMLInputElement {
  const control = labelled(container, name);
  if (!(control instanceof HTMLInputElement)) throw new Error(`No input labelled ${name}`);
  return control;
}

export function textareaByLabel(container: ParentNode, name: string): HTMLTextAreaElement {
  const control = labelled(container, name);
  if (!(control instanceof HTMLTextAreaElement)) throw new Error(`No text area labelled ${name}`);
  return control;
}

export function selectByLabel(container: ParentNode, name: string): HTMLSelectElement {
  const control = labelled(container, name);
  if (!(control instanceof HTMLSelectElement)) throw new Error(`No select labelled ${name}`);
  return control;
}

/** Picks an option the way a person does, as far as Angular's forms can tell. */
export function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Text of the elements an element's aria-describedby points to. */
export function description(element: Element): string {
  const ids = element.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
  return ids
    .map((id) => element.ownerDocument.getElementById(id))
    .filter((found) => found !== null)
    .map(text)
    .join(' ');
}

export function type(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

export function text(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Text content without what is hidden from assistive technology (decorative icons marked aria-hidden). */
function spokenText(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return text(copy);
}

function labelled(container: ParentNode, name: string): HTMLElement | null {
  const label = Array.from(container.querySelectorAll('label')).find((candidate) => text(candidate) === name);
  return label?.htmlFor ? label.ownerDocument.getElementById(label.htmlFor) : null;
}

function matches(actual: string, expected: string | RegExp): boolean {
  return typeof expected === 'string' ? actual === expected : expected.test(actual);
}
