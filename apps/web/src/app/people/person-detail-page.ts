import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../core/i18n/language.service';
import { TranslatedTitleStrategy } from '../core/routing/translated-title-strategy';
import { SessionStore } from '../core/session/session-store';
import { FlashMessage } from '../shared/flash-message';
import { IsoDatePipe } from '../shared/iso-date.pipe';
import { LoadState } from '../shared/load-state';
import { ScrollRegion } from '../shared/scroll-region';
import { PeopleApi } from './people-api';

/** Staff: an official's page, with contact data and every role, current and past. */
@Component({
  selector: 'app-person-detail-page',
  imports: [RouterLink, TranslocoPipe, IsoDatePipe, LoadState, ScrollRegion],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './person-detail-page.html',
  styleUrl: './people.css',
})
export class PersonDetailPage {
  private readonly api = inject(PeopleApi);
  protected readonly session = inject(SessionStore);
  protected readonly language = inject(LanguageService);

  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  protected readonly person = rxResource({
    params: () => this.id(),
    stream: ({ params: id }) => this.api.detail(id),
  });
  protected readonly view = computed(() => (this.person.hasValue() ? this.person.value() : null));
  protected readonly currentRoles = computed(
    () => this.view()?.roles.filter((r) => r.current) ?? [],
  );
  protected readonly pastRoles = computed(() => this.view()?.roles.filter((r) => !r.current) ?? []);
  protected readonly flash = inject(FlashMessage).take();

  constructor() {
    const titles = inject(TranslatedTitleStrategy);
    effect(() => {
      titles.setDetail(this.view()?.name ?? null);
    });
  }
}
