import { afterNextRender, ChangeDetectionStrategy, Component, ElementRef, inject, Injector, input, output, signal, viewChild, viewChildren } from '@angular/core';
import { COMMON_EMOJI, type EmojiChoice } from './common-emoji';

let nextId = 0;

/**
 * A button that opens a small grid of emoji as a menu (the WAI-ARIA menu button pattern): Enter, Space
 * or the arrow keys open it with focus on the first emoji; arrows move through the grid, Home and End
 * jump, Enter picks, Escape closes and returns to the button. Each emoji is announced by its name.
 */
@Component({
  selector: 'cf-emoji-menu',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './emoji-menu.html',
  styleUrl: './emoji-menu.css',
  host: { '(document:pointerdown)': 'onPointerDown($event)', '[class.inline-open]': "placement() === 'inline' && open()" },
})
export class EmojiMenu {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly injector = inject(Injector);

  /** The button's accessible name; without it, the projected content names the button. */
  readonly label = input<string | null>(null);
  readonly menuLabel = input.required<string>();
  readonly choices = input<readonly EmojiChoice[]>(COMMON_EMOJI);
  readonly disabled = input(false);
  readonly columns = input(4);
  /**
   * Where the grid opens: floating above the button (composer, control bar), or in the flow below it
   * (a message in the scrolling list, where a floating grid would be cut off by the list's edges).
   */
  readonly placement = input<'above' | 'inline'>('above');
  readonly picked = output<EmojiChoice>();

  protected readonly open = signal(false);
  protected readonly menuId = `cf-emoji-menu-${++nextId}`;
  private readonly trigger = viewChild.required<ElementRef<HTMLButtonElement>>('trigger');
  private readonly items = viewChildren<ElementRef<HTMLButtonElement>>('item');

  protected toggle(): void {
    if (this.open()) this.close(true);
    else this.show(0);
  }

  protected onTriggerKey(event: KeyboardEvent): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    this.show(event.key === 'ArrowUp' ? this.choices().length - 1 : 0);
  }

  protected onMenuKey(event: KeyboardEvent, index: number): void {
    const count = this.choices().length;
    const columns = this.columns();
    const moves: Record<string, number> = {
      ArrowRight: (index + 1) % count,
      ArrowLeft: (index - 1 + count) % count,
      ArrowDown: (index + columns) % count,
      ArrowUp: (index - columns + count) % count,
      Home: 0,
      End: count - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      this.focusItem(moves[event.key]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.close(true);
    } else if (event.key === 'Tab') {
      this.close(false);
    }
  }

  protected pick(choice: EmojiChoice): void {
    this.close(true);
    this.picked.emit(choice);
  }

  protected onPointerDown(event: PointerEvent): void {
    if (this.open() && !this.host.contains(event.target as Node | null)) this.close(false);
  }

  private show(index: number): void {
    this.open.set(true);
    afterNextRender(() => this.focusItem(index), { injector: this.injector });
  }

  private close(refocus: boolean): void {
    this.open.set(false);
    if (refocus) this.trigger().nativeElement.focus();
  }

  private focusItem(index: number): void {
    this.items()[index]?.nativeElement.focus();
  }
}
