import { TestBed } from '@angular/core/testing';
import { TOAST_DURATION_MS, ToastService } from './toast.service';

describe('ToastService', () => {
  let toasts: ToastService;

  beforeEach(() => {
    jest.useFakeTimers();
    toasts = TestBed.inject(ToastService);
  });
  afterEach(() => jest.useRealTimers());

  it('dismisses a toast by itself after its duration, unless paused', () => {
    const a = toasts.show('Saved');
    const b = toasts.error('Could not save');
    toasts.pause(b);
    jest.advanceTimersByTime(TOAST_DURATION_MS + 1);
    expect(toasts.toasts().map((t) => t.id)).toEqual([b]);
    expect(a).not.toBe(b);
    toasts.dismiss(b);
    expect(toasts.toasts()).toEqual([]);
  });

  it('does not repeat a message that is already on screen, and keeps at most four', () => {
    toasts.error('Offline');
    toasts.error('Offline');
    expect(toasts.toasts()).toHaveLength(1);
    for (const m of ['1', '2', '3', '4', '5']) toasts.show(m);
    expect(toasts.toasts().map((t) => t.message)).toEqual(['2', '3', '4', '5']);
  });
});
