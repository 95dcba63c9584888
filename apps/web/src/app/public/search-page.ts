import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { SearchHit } from '@sekretariat/contracts';
import { of } from 'rxjs';
import { SessionStore } from '../core/session/session-store';
import { LoadState } from '../shared/load-state';
import { SearchSnippet } from '../shared/search-snippet';
import { LanguageService } from '../core/i18n/language.service';
import { filterParams, filtersFrom, type SearchFilters } from '../documents/search-filters';
import { SearchFiltersForm } from '../documents/search-filters-form';
import { PublicMeetingsApi, publicUrls } from './public-api';
import { meetingDate } from './public-time';

const PAGE = 20;
/** SEARCH_QUERY_MAX of the contracts; not imported as a value, which would bundle zod into the page. */
const QUERY_MAX = 200;

/**
 * `/motekalender/sok?q=`: search over the public cases and documents, or meetings; filters by
 * body, date range and type in the address too (`organ`, `fra`, `til`, `type`). Snippets arrive as plain
 * text parts with the matched words marked; each part is bound as text (interpolation), never as
 * HTML, so nothing in a document can add markup to the page.
 */
@Component({
  selector: 'app-public-search-page',
  imports: [RouterLink, TranslocoPipe, LoadState, SearchSnippet, SearchFiltersForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './search-page.html',
  styleUrl: './public.css',
})
export class SearchPage {
  private readonly api = inject(PublicMeetingsApi);
  private readonly router = inject(Router);
  private readonly session = inject(SessionStore);
  protected readonly maxLength = QUERY_MAX;

  protected readonly language = inject(LanguageService);
  protected readonly meetingDate = meetingDate;

  /** Query parameters (`?q=&side=` and the filters), so that a search can be linked to and survives reload. */
  readonly q = input<string>('');
  readonly side = input<string>('');
  readonly organ = input<string>();
  readonly fra = input<string>();
  readonly til = input<string>();
  readonly type = input<string>();

  protected readonly filters = computed<SearchFilters>(() =>
    filtersFrom({ organ: this.organ(), fra: this.fra(), til: this.til(), type: this.type() }),
  );
  protected readonly bodies = rxResource({ stream: () => this.api.bodies() });
  protected readonly bodyList = computed(() =>
    this.bodies.hasValue() ? this.bodies.value().items : [],
  );

  protected readonly query = computed(() => (this.q() ?? '').trim());
  protected readonly page = computed(() =>
    Math.max(1, Number.parseInt(this.side() || '1', 10) || 1),
  );

  protected readonly results = rxResource({
    params: () => ({ q: this.query(), offset: (this.page() - 1) * PAGE, filters: this.filters() }),
    stream: ({ params }) =>
      params.q
        ? this.api.search(params.q, params.offset, params.filters)
        : of({ items: [], total: 0 }),
  });
  protected readonly hits = computed(() =>
    this.results.hasValue() ? this.results.value().items : [],
  );
  protected readonly total = computed(() =>
    this.results.hasValue() ? this.results.value().total : 0,
  );
  protected readonly hasNext = computed(() => this.page() * PAGE < this.total());

  protected search(event: Event, field: HTMLInputElement): void {
    event.preventDefault();
    void this.router.navigate(['/motekalender', 'sok'], {
      queryParams: { q: field.value.trim() || null, ...filterParams(this.filters()) },
    });
  }

  protected filter(filters: SearchFilters): void {
    void this.router.navigate(['/motekalender', 'sok'], {
      queryParams: { q: this.query() || null, ...filterParams(filters) },
    });
  }

  protected documentUrl(hit: SearchHit): string | null {
    const slug = this.session.municipality()?.slug;
    return slug && hit.kind === 'document' ? publicUrls.document(slug, hit.id) : null;
  }
}
