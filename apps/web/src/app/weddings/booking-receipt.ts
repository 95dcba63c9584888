import { Injectable, signal } from '@angular/core';
import type { BookingCreated } from '@sekretariat/contracts';

/**
 * The answer to a booking, for the receipt page: the manage token exists only in this answer
 * (the API keeps its hash), so the receipt is shown once, from memory, and is gone after a reload.
 */
@Injectable({ providedIn: 'root' })
export class BookingReceipt {
  private readonly created = signal<BookingCreated | null>(null);

  readonly value = this.created.asReadonly();

  set(created: BookingCreated): void {
    this.created.set(created);
  }
}
