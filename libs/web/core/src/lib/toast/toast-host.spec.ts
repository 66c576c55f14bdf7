import { TestBed } from '@angular/core/testing';
import { ToastHost } from './toast-host';
import { ToastService } from './toast.service';

describe('ToastHost', () => {
  async function render() {
    const fixture = TestBed.createComponent(ToastHost);
    const toasts = TestBed.inject(ToastService);
    return { fixture, toasts, element: fixture.nativeElement as HTMLElement };
  }

  it('announces errors as alerts, with a dismiss button that has an accessible name', async () => {
    const { fixture, toasts, element } = await render();
    toasts.error('The meeting is locked.');
    toasts.show('Link copied');
    await fixture.whenStable();
    const alert = element.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('The meeting is locked.');
    expect(element.querySelector('[role="status"]')?.textContent).toContain('Link copied');
    const dismiss = alert?.querySelector('button');
    expect(dismiss?.getAttribute('aria-label')).toBe('Dismiss notification');
    dismiss?.click();
    await fixture.whenStable();
    expect(element.querySelector('[role="alert"]')).toBeNull();
  });

  it('dismisses with the Escape key', async () => {
    const { fixture, toasts, element } = await render();
    toasts.error('Offline');
    await fixture.whenStable();
    element.querySelector('button')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await fixture.whenStable();
    expect(toasts.toasts()).toEqual([]);
  });
});
