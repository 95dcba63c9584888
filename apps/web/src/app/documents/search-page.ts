import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { SEARCH_QUERY_MAX } from '@sekretariat/contracts';
import { of } from 'rxjs';
import { LoadState } from '../shared/load-state';
import { SearchSnippet } from '../shared/search-snippet';
import { ApiError } from '../core/api/api-error';
import { LanguageService } from '../core/i18n/language.service';
import { meetingDate } from '../public/public-time';
import { refusalFrom } from './document-format';
import { DocumentsApi } from './documents-api';
import { filterParams, filtersFrom, type SearchFilters } from './search-filters';
import { SearchFiltersForm } from './search-filters-form';

export const SEARCH_PAGE_SIZE = 20;

/** The page number (1-based) from the `side` query parameter; anything odd is page 1. */
export function pageFrom(value: string | undefined): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 && page <= 500 ? page : 1;
}

/**
 * `/sok`: full-text search over cases and documents (or meetings) for staff. The words, the
 * filters and the page live in the address (`?q=…&organ=…&fra=…&til=…&type=…&side=2`), so a
 * search can be shared and the back button works.
 * Snippets arrive as plain-text parts; hits are shown with `<mark>`, never as HTML.
 */
@Component({
  selector: 'app-search-page',
  imports: [RouterLink, TranslocoPipe, LoadState, SearchSnippet, SearchFiltersForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './search-page.html',
  styleUrl: './documents.css',
})
export class SearchPage {
  private readonly api = inject(DocumentsApi);
  private readonly router = inject(Router);

  /** Query parameters, bound by the router. */
  readonly q = input<string>();
  readonly side = input<string>();
  readonly organ = input<string>();
  readonly fra = input<string>();
  readonly til = input<string>();
  readonly type = input<string>();

  protected readonly filters = computed<SearchFilters>(() =>
    filtersFrom({ organ: this.organ(), fra: this.fra(), til: this.til(), type: this.type() }),
  );
  protected readonly language = inject(LanguageService);
  protected readonly meetingDate = meetingDate;
  protected readonly bodies = rxResource({ stream: () => this.api.bodies() });
  protected readonly bodyList = computed(() =>
    this.bodies.hasValue() ? this.bodies.value().items : [],
  );

  protected readonly maxLength = SEARCH_QUERY_MAX;
  protected readonly pageSize = SEARCH_PAGE_SIZE;
  protected readonly words = computed(() => (this.q() ?? '').trim());
  protected readonly page = computed(() => pageFrom(this.side()));
  protected readonly results = rxResource({
    params: () => ({ q: this.words(), page: this.page(), filters: this.filters() }),
    stream: ({ params }) =>
      params.q
        ? this.api.search(
            params.q,
            (params.page - 1) * SEARCH_PAGE_SIZE,
            SEARCH_PAGE_SIZE,
            params.filters,
          )
        : of(null),
  });
  protected readonly refusal = computed(() => {
    const error = this.results.error();
    return error ? refusalFrom(error) : null;
  });
  protected readonly pages = computed(() =>
    Math.max(1, Math.ceil((this.results.value()?.total ?? 0) / SEARCH_PAGE_SIZE)),
  );

  protected submit(event: Event, value: string): void {
    event.preventDefault();
    void this.router.navigate([], {
      queryParams: { q: value.trim() || null, side: null, ...filterParams(this.filters()) },
    });
  }

  protected filter(filters: SearchFilters): void {
    void this.router.navigate([], {
      queryParams: { q: this.words() || null, side: null, ...filterParams(filters) },
    });
  }

  protected go(page: number): void {
    void this.router.navigate([], {
      queryParams: {
        q: this.words(),
        side: page > 1 ? page : null,
        ...filterParams(this.filters()),
      },
    });
  }

  /** A body chosen in a link that no longer exists. */
  protected bodyUnknown(): boolean {
    const error = this.results.error();
    return error instanceof ApiError && error.code === 'SEARCH_BODY_UNKNOWN';
  }

  protected refusalText(): string | null {
    const refusal = this.refusal();
    return refusal && 'text' in refusal ? refusal.text : null;
  }
}
