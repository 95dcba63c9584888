import { ChangeDetectionStrategy, Component, effect, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../core/i18n/language.service';
import { TranslatedTitleStrategy } from '../core/routing/translated-title-strategy';
import { SessionStore } from '../core/session/session-store';
import { LoadState } from '../shared/load-state';
import { PublicMeetingsApi, publicUrls } from './public-api';
import { machineTime, meetingDate } from './public-time';

/**
 * `/motekalender/saker/:caseId`, where a search hit on a case leads: the case's title (the h1),
 * archive reference and summary, its public documents, and its path through bodies (saksgang):
 * each body's meeting, date, item number, recommendation and decision. The API gives only what
 * the public may see (an open case on a published agenda; never closed items, exempt documents
 * or an exempt decision). The h1 is there from the start and takes the title when it arrives, so
 * focus moved to it on navigation stays on it.
 */
@Component({
  selector: 'app-public-case-page',
  imports: [RouterLink, TranslocoPipe, LoadState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="back">
      <a class="ds-link" routerLink="/motekalender/sok">{{ 'public.case.back' | transloco }}</a>
    </p>
    <h1 class="ds-heading" data-size="lg" data-testid="case-heading">
      @if (detail.hasValue()) {
        <span lang="nb">{{ detail.value().title }}</span>
      } @else {
        {{ 'public.case.heading' | transloco }}
      }
    </h1>
    <app-load-state
      [loading]="detail.isLoading()"
      [error]="detail.error()"
      loadingKey="public.case.loading"
      (retry)="detail.reload()"
    />
    @if (detail.hasValue()) {
      @let d = detail.value();
      <dl class="facts">
        <dt>{{ 'public.case.archiveReference' | transloco }}</dt>
        <dd data-testid="case-archive-reference">{{ d.archiveReference }}</dd>
      </dl>
      @if (d.summary) {
        <section aria-labelledby="case-summary-heading">
          <h2 class="ds-heading" data-size="sm" id="case-summary-heading">
            {{ 'public.case.summary' | transloco }}
          </h2>
          <p class="ds-paragraph prose" lang="nb">{{ d.summary }}</p>
        </section>
      }

      <section aria-labelledby="case-documents-heading">
        <h2 class="ds-heading" data-size="sm" id="case-documents-heading">
          {{ 'public.case.documents' | transloco }}
        </h2>
        @if (d.documents.length) {
          <ul class="ds-list" data-testid="case-documents">
            @for (doc of d.documents; track doc.id) {
              <li>
                <a class="ds-link" [href]="documentUrl(doc.id)" target="_blank" rel="noopener"
                  ><span lang="nb">{{ doc.title }}</span></a
                >
              </li>
            }
          </ul>
        } @else {
          <p class="ds-paragraph">{{ 'public.case.noDocuments' | transloco }}</p>
        }
      </section>

      <section aria-labelledby="case-steps-heading">
        <h2 class="ds-heading" data-size="sm" id="case-steps-heading">
          {{ 'public.case.steps' | transloco }}
        </h2>
        <ol class="case-steps" data-testid="case-steps">
          @for (step of d.steps; track step.itemId) {
            <li data-testid="case-step">
              <h3 class="ds-heading" data-size="xs">
                <a
                  class="ds-link"
                  [routerLink]="['/motekalender', step.meetingId, 'sak', step.itemId]"
                  ><span lang="nb">{{ step.bodyName }}</span
                  >,
                  <time [attr.datetime]="machineTime(step.startsAt)">{{
                    meetingDate(step.startsAt, language.locale())
                  }}</time></a
                >
              </h3>
              <p class="ds-paragraph" data-size="sm">
                {{ 'public.case.itemNumber' | transloco: { number: step.number } }}
              </p>
              @if (step.recommendation) {
                <p class="ds-paragraph prose">
                  <strong>{{ 'public.case.recommendation' | transloco }}</strong>
                  <span lang="nb">{{ step.recommendation }}</span>
                </p>
              }
              @if (step.decision) {
                <p class="ds-paragraph prose" data-testid="case-step-decision">
                  <strong>{{ 'public.case.decision' | transloco }}</strong>
                  <span lang="nb">{{ step.decision }}</span>
                </p>
              } @else {
                <p class="ds-paragraph" data-size="sm">
                  {{ 'public.case.noDecision' | transloco }}
                </p>
              }
            </li>
          }
        </ol>
      </section>
    }
  `,
  styles: `
    .case-steps {
      display: grid;
      gap: var(--ds-size-4, 1rem);
      padding-left: 1.25rem;
    }
    .case-steps strong {
      display: block;
    }
  `,
  styleUrl: './public.css',
})
export class CasePage {
  private readonly api = inject(PublicMeetingsApi);
  private readonly session = inject(SessionStore);
  protected readonly language = inject(LanguageService);
  protected readonly meetingDate = meetingDate;
  protected readonly machineTime = machineTime;

  /** Route parameter. */
  readonly caseId = input.required<string>();

  protected readonly detail = rxResource({
    params: () => ({ id: this.caseId() }),
    stream: ({ params }) => this.api.caseDetail(params.id),
  });

  constructor() {
    const titles = inject(TranslatedTitleStrategy);
    effect(() => {
      titles.setDetail(this.detail.hasValue() ? this.detail.value().title : null);
    });
  }

  protected documentUrl(documentId: string): string {
    const slug = this.session.municipality()?.slug ?? '';
    return publicUrls.document(slug, documentId);
  }
}
