import { Injectable, signal } from '@angular/core';

export interface Flash {
  readonly messageKey: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

/**
 * A message for the next page, e.g. "Organet er opprettet" after a form navigates to the
 * new body. The page takes it once and shows it in its status region.
 */
@Injectable({ providedIn: 'root' })
export class FlashMessage {
  private readonly pending = signal<Flash | null>(null);

  set(flash: Flash): void {
    this.pending.set(flash);
  }

  take(): Flash | null {
    const flash = this.pending();
    this.pending.set(null);
    return flash;
  }
}
