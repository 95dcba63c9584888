import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../core/i18n/language.service';
import { TranslatedTitleStrategy } from '../core/routing/translated-title-strategy';
import { SessionStore } from '../core/session/session-store';
import { IsoDatePipe } from '../shared/iso-date.pipe';
import { LoadState } from '../shared/load-state';
import { ScrollRegion } from '../shared/scroll-region';
import { BodiesApi } from './bodies-api';

@Component({
  selector: 'app-body-detail-page',
  imports: [RouterLink, TranslocoPipe, IsoDatePipe, LoadState, ScrollRegion],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './body-detail-page.html',
  styleUrl: './bodies.css',
})
export class BodyDetailPage {
  private readonly api = inject(BodiesApi);
  protected readonly session = inject(SessionStore);
  protected readonly language = inject(LanguageService);

  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  protected readonly detail = rxResource({
    params: () => {
      const audience = this.session.audience();
      return audience ? { audience, id: this.id() } : undefined;
    },
    stream: ({ params }) => this.api.detail(params.audience, params.id),
  });

  protected readonly view = computed(() => (this.detail.hasValue() ? this.detail.value() : null));
  protected readonly substitutes = computed(() =>
    // By rank, then party: where ranks are counted per party list (1, 1, 2, 2 …), equal ranks keep a fixed order.
    [...(this.view()?.body.substitutes ?? [])].sort(
      (a, b) => a.rank - b.rank || (a.party ?? '').localeCompare(b.party ?? '', 'nb'),
    ),
  );
  /** E-mail addresses come only with the staff endpoint; show the column only then. */
  protected readonly showMemberEmail = computed(
    () => this.view()?.body.members.some((member) => member.email !== null) ?? false,
  );
  protected readonly showSubstituteEmail = computed(() =>
    this.substitutes().some((substitute) => substitute.email !== null),
  );

  constructor() {
    const titles = inject(TranslatedTitleStrategy);
    effect(() => {
      titles.setDetail(this.view()?.body.name ?? null);
    });
  }
}
