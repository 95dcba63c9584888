import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  Injector,
  afterNextRender,
  inject,
  input,
  output,
  viewChild,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

let nextId = 0;

/**
 * A modal built on the native `<dialog>` with Designsystemet's look: the browser traps
 * focus, closes on Escape and gives focus back to the button that opened it.
 */
@Component({
  selector: 'app-modal-dialog',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog
      #dialog
      class="ds-dialog"
      [attr.aria-labelledby]="headingId"
      [attr.data-testid]="testId() || null"
      (close)="closed.emit()"
    >
      <button
        type="button"
        class="ds-button"
        data-variant="tertiary"
        data-icon="true"
        data-command="close"
        [attr.aria-label]="'common.close' | transloco"
        (click)="close()"
      ></button>
      <h2 class="ds-heading" data-size="sm" [id]="headingId">{{ heading() }}</h2>
      <ng-content />
    </dialog>
  `,
  styles: `
    h2 {
      margin-bottom: var(--ds-size-4);
    }
  `,
})
export class ModalDialog {
  readonly heading = input.required<string>();
  readonly testId = input('');
  readonly closed = output();

  protected readonly headingId = `dialog-heading-${String(++nextId)}`;
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private readonly injector = inject(Injector);

  /**
   * Opens after the next render, so that content shown for this opening is there when the
   * browser moves focus into the dialog (to a field marked `autofocus`, else the first control).
   */
  open(): void {
    afterNextRender(
      () => {
        const dialog = this.dialog().nativeElement;
        if (dialog.open) return;
        // jsdom (unit tests) has no showModal.
        if (typeof dialog.showModal === 'function') {
          dialog.showModal();
        } else {
          dialog.setAttribute('open', '');
        }
      },
      { injector: this.injector },
    );
  }

  close(): void {
    const dialog = this.dialog().nativeElement;
    if (typeof dialog.close === 'function' && dialog.open) {
      dialog.close();
    } else if (dialog.hasAttribute('open')) {
      dialog.removeAttribute('open');
      this.closed.emit();
    }
  }
}
