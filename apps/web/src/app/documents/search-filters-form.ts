import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { readFilterForm, SEARCH_TYPES, type SearchFilters } from './search-filters';

/**
 * The search filters (body, date range, type) as a form of native fields, for the staff and the
 * public search pages. Applying checks the dates here (a real day, the range not backwards) and
 * says what is wrong next to the field; the page keeps the filters in its address. `keys` is the
 * translation prefix of the page's scope (`documents.search` or `public.search`); both scopes
 * have the same `filters.*` texts.
 */
@Component({
  selector: 'app-search-filters-form',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      class="search-filters"
      data-testid="search-filters"
      [attr.aria-label]="keys() + '.filters.heading' | transloco"
      (submit)="apply($event)"
      novalidate
    >
      <fieldset class="search-filters-fields">
        <legend class="ds-label">{{ keys() + '.filters.heading' | transloco }}</legend>
        <div class="ds-field">
          <label class="ds-label" [for]="id('body')">{{
            keys() + '.filters.body' | transloco
          }}</label>
          <select class="ds-input" [id]="id('body')" name="bodyId" data-testid="filter-body">
            <option value="" [selected]="!filters().bodyId">
              {{ keys() + '.filters.allBodies' | transloco }}
            </option>
            @for (body of bodies(); track body.id) {
              <option [value]="body.id" [selected]="body.id === filters().bodyId">
                {{ body.name }}
              </option>
            }
          </select>
        </div>
        <div class="ds-field">
          <label class="ds-label" [for]="id('from')">{{
            keys() + '.filters.from' | transloco
          }}</label>
          <input
            class="ds-input"
            type="date"
            [id]="id('from')"
            name="from"
            data-testid="filter-from"
            [value]="filters().from ?? ''"
            [attr.aria-invalid]="errors().from ? 'true' : null"
            [attr.aria-describedby]="errors().from ? id('from') + '-error' : null"
          />
          @if (errors().from; as key) {
            <p class="ds-validation-message" data-field="validation" [id]="id('from') + '-error'">
              {{ keys() + '.' + key | transloco }}
            </p>
          }
        </div>
        <div class="ds-field">
          <label class="ds-label" [for]="id('to')">{{ keys() + '.filters.to' | transloco }}</label>
          <input
            class="ds-input"
            type="date"
            [id]="id('to')"
            name="to"
            data-testid="filter-to"
            [value]="filters().to ?? ''"
            [attr.aria-invalid]="errors().to ? 'true' : null"
            [attr.aria-describedby]="errors().to ? id('to') + '-error' : null"
          />
          @if (errors().to; as key) {
            <p class="ds-validation-message" data-field="validation" [id]="id('to') + '-error'">
              {{ keys() + '.' + key | transloco }}
            </p>
          }
        </div>
        <div class="ds-field">
          <label class="ds-label" [for]="id('type')">{{
            keys() + '.filters.type' | transloco
          }}</label>
          <select class="ds-input" [id]="id('type')" name="type" data-testid="filter-type">
            <option value="" [selected]="!filters().type">
              {{ keys() + '.filters.allTypes' | transloco }}
            </option>
            @for (type of types; track type) {
              <option [value]="type" [selected]="type === filters().type">
                {{ keys() + '.filters.types.' + type | transloco }}
              </option>
            }
          </select>
        </div>
      </fieldset>
      <div class="search-filters-actions">
        <button class="ds-button" data-variant="secondary" type="submit" data-testid="filter-apply">
          {{ keys() + '.filters.apply' | transloco }}
        </button>
        <button class="ds-button" data-variant="tertiary" type="button" (click)="reset($event)">
          {{ keys() + '.filters.reset' | transloco }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .search-filters-fields {
      border: 0;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--ds-size-3, 0.75rem);
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
    }
    .search-filters-fields legend {
      grid-column: 1 / -1;
      margin-bottom: var(--ds-size-2, 0.5rem);
    }
    .search-filters-actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--ds-size-2, 0.5rem);
      margin-top: var(--ds-size-3, 0.75rem);
    }
  `,
})
export class SearchFiltersForm {
  /** Translation prefix of the page's scope. */
  readonly keys = input.required<string>();
  /** Prefix of the fields' ids, unique on the page. */
  readonly idPrefix = input('search-filter');
  readonly bodies = input<readonly { id: string; name: string }[]>([]);
  /** The filters now in force (from the address). */
  readonly filters = input<SearchFilters>({});
  readonly changed = output<SearchFilters>();

  protected readonly types = SEARCH_TYPES;
  protected readonly errors = signal<Partial<Record<'from' | 'to', string>>>({});

  protected id(field: string): string {
    return `${this.idPrefix()}-${field}`;
  }

  protected apply(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const { filters, errors } = readFilterForm(form);
    this.errors.set(errors);
    const first = errors.from ? 'from' : errors.to ? 'to' : null;
    if (first) {
      form.querySelector<HTMLElement>(`#${this.id(first)}`)?.focus();
      return;
    }
    this.changed.emit(filters);
  }

  protected reset(event: Event): void {
    const form = (event.target as HTMLElement).closest('form');
    form?.reset();
    for (const field of Array.from(form?.querySelectorAll<HTMLInputElement>('input') ?? []))
      field.value = '';
    for (const select of Array.from(form?.querySelectorAll<HTMLSelectElement>('select') ?? []))
      select.value = '';
    this.errors.set({});
    this.changed.emit({});
  }
}
