import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { PublicSummons } from '@sekretariat/contracts';
import { LanguageService } from '../core/i18n/language.service';
import { formatMoment } from './attendance-api';

/** When and where a meeting is, as a description list. */
@Component({
  selector: 'app-meeting-facts',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dl class="facts">
      <div>
        <dt>{{ 'attendance.facts.body' | transloco }}</dt>
        <dd>{{ meeting().bodyName }}</dd>
      </div>
      <div>
        <dt>{{ 'attendance.facts.when' | transloco }}</dt>
        <dd>{{ when() }}</dd>
      </div>
      <div>
        <dt>{{ 'attendance.facts.where' | transloco }}</dt>
        <dd>
          {{ meeting().place || ('attendance.facts.placeLater' | transloco) }}
          @if (meeting().remote) {
            ({{ 'attendance.facts.remote' | transloco }})
          }
        </dd>
      </div>
    </dl>
  `,
  styles: `
    .facts {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
      gap: var(--ds-size-4) var(--ds-size-6);
      margin: var(--ds-size-6) 0;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
    }
  `,
})
export class MeetingFacts {
  private readonly language = inject(LanguageService);
  readonly meeting = input.required<PublicSummons['meeting']>();
  protected readonly when = computed(() => formatMoment(this.meeting().startsAt, this.language.locale()));
}
