export type ToastKind = 'info' | 'success' | 'error';

/** A short message shown in the corner of the page and read out by screen readers. */
export interface Toast {
  readonly id: number;
  readonly kind: ToastKind;
  readonly message: string;
}
