import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { apiUrl } from '../core/api/api-client';
import { LanguageService } from '../core/i18n/language.service';
import { SessionStore } from '../core/session/session-store';
import { IsoDatePipe } from '../shared/iso-date.pipe';
import { LoadState } from '../shared/load-state';
import { ScrollRegion } from '../shared/scroll-region';
import { BodiesApi } from './bodies-api';

@Component({
  selector: 'app-body-list-page',
  imports: [RouterLink, TranslocoPipe, IsoDatePipe, LoadState, ScrollRegion],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './body-list-page.html',
  styleUrl: './bodies.css',
})
export class BodyListPage {
  private readonly api = inject(BodiesApi);
  protected readonly session = inject(SessionStore);
  protected readonly language = inject(LanguageService);

  protected readonly bodies = rxResource({
    params: () => {
      const audience = this.session.audience();
      return audience ? { audience } : undefined;
    },
    stream: ({ params }) => this.api.list(params.audience),
  });
  protected readonly items = computed(() =>
    this.bodies.hasValue() ? this.bodies.value().items : [],
  );
  /** Popolo JSON for everyone (the public's view: names, parties and roles only). */
  protected readonly openData = computed(() => {
    const municipality = this.session.municipality();
    if (!municipality) return null;
    return (['organizations', 'persons', 'memberships', 'posts'] as const).map((key) => ({
      key,
      href: apiUrl('public', municipality.slug, 'popolo', key),
    }));
  });
}
