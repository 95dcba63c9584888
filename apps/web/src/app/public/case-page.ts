import { ChangeDetectionStrategy, Component, effect, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../core/i18n/language.service';
import { LoadState } from '../shared/load-state';
import { PublicMeetingsApi } from './public-api';
import { meetingDate } from './public-time';

/**
 * `/motekalender/saker/:caseId`, where a search hit on a case leads: straight on to the case on the
 * newest published agenda, or the list when it has been on several, or a note when on none.
 */
@Component({
  selector: 'app-public-case-page',
  imports: [RouterLink, TranslocoPipe, LoadState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="back">
      <a class="ds-link" routerLink="/motekalender/sok">{{ 'public.case.back' | transloco }}</a>
    </p>
    <h1 class="ds-heading" data-size="lg">{{ 'public.case.heading' | transloco }}</h1>
    <app-load-state
      [loading]="placements.isLoading()"
      [error]="placements.error()"
      (retry)="placements.reload()"
    />
    @if (placements.hasValue()) {
      @if (placements.value().items.length === 0) {
        <p class="ds-paragraph">{{ 'public.case.none' | transloco }}</p>
      } @else {
        <ul class="ds-list">
          @for (p of placements.value().items; track p.itemId) {
            <li>
              <a class="ds-link" [routerLink]="['/motekalender', p.meetingId, 'sak', p.itemId]"
                >{{ p.number }}, <span lang="nb">{{ p.bodyName }}</span>
                {{ meetingDate(p.startsAt, language.locale()) }}</a
              >
            </li>
          }
        </ul>
      }
    }
  `,
  styleUrl: './public.css',
})
export class CasePage {
  private readonly api = inject(PublicMeetingsApi);
  protected readonly language = inject(LanguageService);
  protected readonly meetingDate = meetingDate;

  /** Route parameter. */
  readonly caseId = input.required<string>();

  protected readonly placements = rxResource({
    params: () => ({ id: this.caseId() }),
    stream: ({ params }) => this.api.caseItems(params.id),
  });

  constructor() {
    const router = inject(Router);
    effect(() => {
      if (!this.placements.hasValue()) return;
      const items = this.placements.value().items;
      if (items.length === 1 && items[0]) {
        void router.navigate(['/motekalender', items[0].meetingId, 'sak', items[0].itemId], {
          replaceUrl: true,
        });
      }
    });
  }
}
