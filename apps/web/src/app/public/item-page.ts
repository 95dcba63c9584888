import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../core/i18n/language.service';
import { TranslatedTitleStrategy } from '../core/routing/translated-title-strategy';
import { SessionStore } from '../core/session/session-store';
import { LoadState } from '../shared/load-state';
import { PublicMeetingsApi, publicUrls } from './public-api';
import { machineTime, meetingDate, videoAt, videoClock } from './public-time';

/**
 * `/motekalender/:meetingId/sak/:itemId`: one item's case presentation (saksframlegg), the short
 * summary first, then background, assessment and recommendation, and its public documents.
 * Exempt documents are not listed at all (the API leaves them out): a list of withheld titles
 * would say more than the public may know, and the agenda already shows closed items by ground.
 */
@Component({
  selector: 'app-public-item-page',
  imports: [RouterLink, TranslocoPipe, LoadState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './item-page.html',
  styleUrl: './public.css',
})
export class ItemPage {
  private readonly api = inject(PublicMeetingsApi);
  private readonly session = inject(SessionStore);
  protected readonly language = inject(LanguageService);
  protected readonly meetingDate = meetingDate;
  protected readonly machineTime = machineTime;
  protected readonly videoAt = videoAt;
  protected readonly videoClock = videoClock;

  /** Route parameters. */
  readonly meetingId = input.required<string>();
  readonly itemId = input.required<string>();

  protected readonly detail = rxResource({
    params: () => ({ meetingId: this.meetingId(), itemId: this.itemId() }),
    stream: ({ params }) => this.api.item(params.meetingId, params.itemId),
  });
  protected readonly documents = computed(() => {
    const slug = this.session.municipality()?.slug;
    if (!slug || !this.detail.hasValue()) return [];
    return this.detail.value().documents.map((d) => ({
      ...d,
      href: publicUrls.document(slug, d.id),
      sizeKb: Math.max(1, Math.round(d.size / 1024)),
      kind:
        d.contentType === 'application/pdf'
          ? 'PDF'
          : (d.filename.split('.').pop() ?? '').toUpperCase(),
    }));
  });

  constructor() {
    const titles = inject(TranslatedTitleStrategy);
    effect(() => {
      titles.setDetail(this.detail.hasValue() ? this.detail.value().item.number : null);
    });
  }
}
