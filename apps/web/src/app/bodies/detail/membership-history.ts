import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { HistoryRow } from '@sekretariat/contracts';
import { LanguageService } from '../../core/i18n/language.service';
import { IsoDatePipe } from '../../shared/iso-date.pipe';
import { ScrollRegion } from '../../shared/scroll-region';

/** Every membership of a body, ended ones too, with why it ended and any leave or release. */
@Component({
  selector: 'app-membership-history',
  imports: [RouterLink, TranslocoPipe, IsoDatePipe, ScrollRegion],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let locale = language.locale();
    @if (items().length === 0) {
      <p class="ds-paragraph">{{ 'bodies.history.empty' | transloco }}</p>
    } @else {
      <div appScrollRegion="history-caption">
        <table class="ds-table" data-border data-size="sm" data-testid="history-table">
          <caption id="history-caption" class="ds-sr-only">
            {{
              'bodies.history.caption' | transloco: { count: items().length }
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'bodies.detail.name' | transloco }}</th>
              <th scope="col">{{ 'bodies.history.place' | transloco }}</th>
              <th scope="col">{{ 'bodies.detail.party' | transloco }}</th>
              <th scope="col">{{ 'bodies.history.period' | transloco }}</th>
              <th scope="col">{{ 'bodies.history.endReason' | transloco }}</th>
              <th scope="col">{{ 'bodies.history.leaves' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (row of items(); track row.membershipId) {
              <tr>
                <td class="name">
                  <a class="ds-link" [routerLink]="['/personer', row.personId]">{{ row.name }}</a>
                </td>
                <td>
                  @if (row.kind === 'substitute') {
                    {{ 'bodies.history.substituteRank' | transloco: { rank: row.rank } }}
                  } @else {
                    {{ 'bodies.role.' + row.role | transloco }}
                  }
                </td>
                <td>{{ row.party ?? ('bodies.detail.noParty' | transloco) }}</td>
                <td class="nowrap">
                  {{ row.from | isoDate: locale }}–{{ row.to | isoDate: locale }}
                  @if (!row.to) {
                    <span class="ds-sr-only">{{ 'bodies.history.ongoing' | transloco }}</span>
                  }
                </td>
                <td>
                  @if (row.endReason) {
                    {{ 'bodies.endReason.' + row.endReason | transloco }}
                  }
                </td>
                <td>
                  @if (row.leaves.length > 0) {
                    <ul class="leaves">
                      @for (leave of row.leaves; track leave.id) {
                        <li>
                          {{ 'bodies.leaveKind.' + leave.kind | transloco }}
                          <span class="nowrap"
                            >{{ leave.from | isoDate: locale }}–{{
                              leave.to | isoDate: locale
                            }}</span
                          >: <span lang="nb">{{ leave.reason }}</span>
                          @if (leave.decisionRef) {
                            ({{
                              'bodies.history.decision' | transloco: { ref: leave.decisionRef }
                            }})
                          }
                        </li>
                      }
                    </ul>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styles: `
    .leaves {
      margin: 0;
      padding-inline-start: var(--ds-size-4);
    }
    .nowrap {
      white-space: nowrap;
    }
    .name {
      font-weight: var(--ds-font-weight-medium);
    }
    .ds-table {
      width: 100%;
    }
  `,
})
export class MembershipHistory {
  protected readonly language = inject(LanguageService);
  readonly items = input.required<readonly HistoryRow[]>();
}
