/** Finding elements by role and name, or by label, the way a person does (a small subset of the rules). */
export function byButton(container: ParentNode, name: string | RegExp): HTMLButtonElement | null {
  return (
    Array.from(container.querySelectorAll('button')).find((button) => matches(button.getAttribute('aria-label') ?? text(button), name)) ?? null
  );
}

export function byLabel(container: ParentNode, name: string): HTMLInputElement {
  const label = Array.from(container.querySelectorAll('label')).find((candidate) => text(candidate) === name);
  const control = label?.htmlFor ? label.ownerDocument.getElementById(label.htmlFor) : null;
  if (!(control instanceof HTMLInputElement)) throw new Error(`No input labelled ${name}`);
  return control;
}

export function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

export function text(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function matches(actual: string, expected: string | RegExp): boolean {
  return typeof expected === 'string' ? actual === expected : expected.test(actual);
}
