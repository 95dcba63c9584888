import {
  ChangeDetectionStrategy,
  Component,
  PendingTasks,
  inject,
  linkedSignal,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import type { WeddingPlace, WeddingPlaceInput } from '@sekretariat/contracts';
import { firstValueFrom } from 'rxjs';
import { ErrorSummary } from '../shared/error-summary';
import { FieldError } from '../shared/field-error';
import type { FormProblem } from '../shared/form-problems';
import { LoadState } from '../shared/load-state';
import { ScrollRegion } from '../shared/scroll-region';
import { SetupForm, SetupNav, isWhole, setupProblemsFromError, valueOf } from './setup-common';
import { WeddingsSetupApi } from './weddings-api';

const FIELDS = {
  name: 'place-name',
  capacity: 'place-capacity',
  address: 'place-address',
  accessibility: 'place-accessibility',
};
const P = 'weddings.setup.places.problems.';

/**
 * `/vigsler/oppsett/steder`: the ceremony places (name, guests besides the couple and the
 * witnesses, accessibility), added and changed in one form; a place is deactivated rather than
 * deleted (no new bookings, the booked ones stay).
 */
@Component({
  selector: 'app-wedding-setup-places',
  imports: [TranslocoPipe, ErrorSummary, FieldError, LoadState, ScrollRegion, SetupNav],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './setup-places.html',
  styleUrl: './setup-pages.css',
})
export class SetupPlaces {
  private readonly api = inject(WeddingsSetupApi);
  private readonly pendingTasks = inject(PendingTasks);
  protected readonly valueOf = valueOf;
  protected readonly fields = FIELDS;

  protected readonly loaded = rxResource({ stream: () => this.api.places() });
  protected readonly places = linkedSignal<readonly WeddingPlace[]>(() =>
    this.loaded.hasValue() ? this.loaded.value().items : [],
  );
  protected readonly form = new SetupForm('place-errors');
  /** The place being changed, or null for a new one. */
  protected readonly editing = signal<WeddingPlace | null>(null);
  protected readonly name = signal('');
  protected readonly capacity = signal('');
  protected readonly address = signal('');
  protected readonly accessibility = signal('');
  protected readonly active = signal(true);

  protected set(field: 'name' | 'capacity' | 'address' | 'accessibility', event: Event): void {
    this[field].set(valueOf(event));
    this.form.touched();
  }

  protected toggleActive(event: Event): void {
    this.active.set((event.target as HTMLInputElement).checked);
    this.form.touched();
  }

  protected edit(place: WeddingPlace): void {
    this.editing.set(place);
    this.name.set(place.name);
    this.capacity.set(String(place.capacity));
    this.address.set(place.address);
    this.accessibility.set(place.accessibility);
    this.active.set(place.active);
    this.form.problems.clear();
    this.form.touched();
    this.form.focusAfterRender(FIELDS.name);
  }

  protected reset(): void {
    const was = this.editing();
    this.editing.set(null);
    this.name.set('');
    this.capacity.set('');
    this.address.set('');
    this.accessibility.set('');
    this.active.set(true);
    this.form.problems.clear();
    if (was) this.form.focusAfterRender(`place-${was.id}`);
  }

  protected save(event: Event): void {
    event.preventDefault();
    const problems: FormProblem[] = [];
    if (!this.name().trim()) problems.push({ field: FIELDS.name, messageKey: P + 'name' });
    if (!isWhole(this.capacity(), 0, 10_000))
      problems.push({ field: FIELDS.capacity, messageKey: P + 'capacity' });
    if (this.address().trim().length > 300)
      problems.push({ field: FIELDS.address, messageKey: P + 'address' });
    if (this.accessibility().length > 2000)
      problems.push({ field: FIELDS.accessibility, messageKey: P + 'accessibility' });
    if (problems.length > 0) {
      this.form.fail(problems);
      return;
    }
    const input: WeddingPlaceInput = {
      name: this.name().trim(),
      capacity: Number(this.capacity()),
      address: this.address().trim(),
      accessibility: this.accessibility().trim(),
      active: this.active(),
    };
    this.send(this.editing()?.id ?? null, input, this.editing() ? 'updated' : 'created');
  }

  /** Deactivates (or activates again) a place from its row. */
  protected setActive(place: WeddingPlace, active: boolean): void {
    const { id, name, capacity, address, accessibility } = place;
    this.send(id, { name, capacity, address, accessibility, active }, active ? 'activated' : 'deactivated');
  }

  private send(id: string | null, input: WeddingPlaceInput, done: string): void {
    if (this.form.saving()) return;
    this.pendingTasks.run(async () => {
      this.form.saving.set(true);
      try {
        const saved = await firstValueFrom(this.api.savePlace(id, input));
        this.places.update((list) =>
          id ? list.map((p) => (p.id === saved.id ? saved : p)) : [...list, saved],
        );
        const fromForm = done === 'created' || done === 'updated';
        if (fromForm) this.reset();
        this.form.succeed('weddings.setup.places.done.' + done, { name: saved.name });
        this.form.focusAfterRender(`place-${saved.id}`);
      } catch (error) {
        this.form.fail(setupProblemsFromError(error, FIELDS));
      } finally {
        this.form.saving.set(false);
      }
    });
  }
}
