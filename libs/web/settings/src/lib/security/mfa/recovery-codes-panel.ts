import { DOCUMENT } from '@angular/common';
import { afterNextRender, ChangeDetectionStrategy, Component, type ElementRef, inject, input, output, signal, viewChild } from '@angular/core';

/** The ten recovery codes, shown once right after two-step sign-in is turned on: copy, download, done. */
@Component({
  selector: 'cf-recovery-codes-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './recovery-codes-panel.html',
})
export class RecoveryCodesPanel {
  private readonly document = inject(DOCUMENT);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  readonly codes = input.required<readonly string[]>();
  /** The person has saved them; the codes are never shown again. */
  readonly done = output<void>();

  protected readonly copied = signal<string | null>(null);

  constructor() {
    // Announce the panel by moving focus to its heading: it replaces the form that was just submitted.
    afterNextRender(() => this.heading().nativeElement.focus());
  }

  protected async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.text());
      this.copied.set('Copied the codes to the clipboard.');
    } catch {
      this.copied.set('Copying is not possible here. Download the codes or write them down.');
    }
  }

  protected download(): void {
    const url = URL.createObjectURL(new Blob([this.text()], { type: 'text/plain' }));
    const link = this.document.createElement('a');
    link.href = url;
    link.download = 'confer-recovery-codes.txt';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url));
  }

  private text(): string {
    return ['Confer recovery codes. Each works once.', '', ...this.codes(), ''].join('\n');
  }
}
