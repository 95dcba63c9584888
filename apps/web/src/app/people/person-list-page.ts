import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { SessionStore } from '../core/session/session-store';
import { LoadState } from '../shared/load-state';
import { ScrollRegion } from '../shared/scroll-region';
import { PeopleApi } from './people-api';

/** Folds case and accents so that "ase" finds "Åse" and "odegard" finds "Ødegård". */
export function searchKey(text: string): string {
  return text
    .toLocaleLowerCase('nb')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '');
}

/** Staff: elected officials and substitutes, with a filter on name and party. */
@Component({
  selector: 'app-person-list-page',
  imports: [RouterLink, TranslocoPipe, LoadState, ScrollRegion],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="ds-heading" data-size="lg">{{ 'people.list.heading' | transloco }}</h1>
    <p class="ds-paragraph lead">{{ 'people.list.intro' | transloco }}</p>

    @if (session.isEditor()) {
      <p class="page-actions">
        <a class="ds-button" routerLink="/personer/ny" data-testid="new-person">{{
          'people.list.newPerson' | transloco
        }}</a>
      </p>
    }

    <app-load-state
      [loading]="people.isLoading()"
      [error]="people.error()"
      loadingKey="people.list.loading"
      (retry)="people.reload()"
    />

    @if (people.hasValue()) {
      <div class="ds-field filter">
        <label class="ds-label" for="people-filter">{{ 'people.list.filter' | transloco }}</label>
        <div class="ds-paragraph" data-size="sm" data-field="description" id="people-filter-help">
          {{ 'people.list.filterHelp' | transloco }}
        </div>
        <input
          id="people-filter"
          class="ds-input"
          type="search"
          autocomplete="off"
          aria-describedby="people-filter-help people-count"
          [value]="filter()"
          (input)="filter.set($any($event.target).value)"
        />
      </div>
      <p class="ds-paragraph count" id="people-count" aria-live="polite" data-size="sm">
        {{ 'people.list.count' | transloco: { shown: shown().length, total: total() } }}
      </p>
      @if (shown().length > 0) {
        <div appScrollRegion="people-caption">
          <table class="ds-table" data-border data-testid="people-table">
            <caption id="people-caption" class="ds-sr-only">
              {{
                'people.list.caption' | transloco: { count: shown().length }
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'people.list.name' | transloco }}</th>
                <th scope="col">{{ 'people.list.party' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (person of shown(); track person.id) {
                <tr>
                  <th scope="row">
                    <a class="ds-link" [routerLink]="['/personer', person.id]">{{ person.name }}</a>
                  </th>
                  <td>{{ person.party ?? ('bodies.detail.noParty' | transloco) }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    }
  `,
  styleUrl: './people.css',
})
export class PersonListPage {
  private readonly api = inject(PeopleApi);
  protected readonly session = inject(SessionStore);

  protected readonly people = rxResource({ stream: () => this.api.list() });
  protected readonly filter = signal('');
  protected readonly total = computed(() =>
    this.people.hasValue() ? this.people.value().items.length : 0,
  );
  protected readonly shown = computed(() => {
    const items = this.people.hasValue() ? this.people.value().items : [];
    const words = searchKey(this.filter()).split(/\s+/).filter(Boolean);
    if (words.length === 0) return items;
    return items.filter((person) => {
      const haystack = searchKey(`${person.name} ${person.party ?? ''}`);
      return words.every((word) => haystack.includes(word));
    });
  });
}
