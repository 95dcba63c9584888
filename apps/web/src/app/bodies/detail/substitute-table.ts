import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { SubstituteRow } from '@sekretariat/contracts';
import { ScrollRegion } from '../../shared/scroll-region';

/** One ranked list of substitutes: the body's common list, or one party's list. */
@Component({
  selector: 'app-substitute-table',
  imports: [RouterLink, TranslocoPipe, ScrollRegion],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div [appScrollRegion]="labelledBy()">
      <table
        class="ds-table"
        data-border
        [attr.aria-labelledby]="labelledBy()"
        aria-describedby="substitutes-description"
        data-testid="substitutes-table"
        [attr.data-list]="list()"
      >
        <thead>
          <tr>
            <th scope="col" class="number rank">{{ 'bodies.detail.rank' | transloco }}</th>
            <th scope="col" class="name">{{ 'bodies.detail.name' | transloco }}</th>
            @if (!list()) {
              <th scope="col">{{ 'bodies.detail.party' | transloco }}</th>
            }
            @if (showEmail()) {
              <th scope="col">{{ 'bodies.detail.email' | transloco }}</th>
            }
            @if (editable()) {
              <th scope="col">{{ 'bodies.detail.actions' | transloco }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (substitute of rows(); track substitute.membershipId) {
            <tr>
              <td class="number">{{ substitute.rank }}</td>
              <td class="name">
                @if (linkNames()) {
                  <a class="ds-link" [routerLink]="['/personer', substitute.personId]">{{
                    substitute.name
                  }}</a>
                } @else {
                  {{ substitute.name }}
                }
              </td>
              @if (!list()) {
                <td>{{ substitute.party ?? ('bodies.detail.noParty' | transloco) }}</td>
              }
              @if (showEmail()) {
                <td>
                  @if (substitute.email) {
                    <a class="ds-link" [href]="'mailto:' + substitute.email">{{
                      substitute.email
                    }}</a>
                  }
                </td>
              }
              @if (editable()) {
                <td>
                  <div class="row-actions">
                    <button
                      type="button"
                      class="ds-button"
                      data-variant="tertiary"
                      data-size="sm"
                      data-testid="end-membership"
                      (click)="endMembership.emit(substitute)"
                    >
                      {{ 'bodies.detail.end' | transloco
                      }}<span class="ds-sr-only">: {{ substitute.name }}</span>
                    </button>
                    <button
                      type="button"
                      class="ds-button"
                      data-variant="tertiary"
                      data-size="sm"
                      data-testid="leave-membership"
                      (click)="grantLeave.emit(substitute)"
                    >
                      {{ 'bodies.detail.leave' | transloco
                      }}<span class="ds-sr-only">: {{ substitute.name }}</span>
                    </button>
                  </div>
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .ds-table {
      width: 100%;
    }
    .name {
      font-weight: var(--ds-font-weight-medium);
    }
    .number {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    .row-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0 var(--ds-size-2);
    }
    .rank {
      width: 4rem;
    }
    .name {
      width: 40%;
    }
  `,
})
export class SubstituteTable {
  readonly rows = input.required<readonly SubstituteRow[]>();
  /** Id of the heading that names the table. */
  readonly labelledBy = input.required<string>();
  /** The party list shown, for the `data-list` test hook. */
  readonly list = input<string | null>(null);
  readonly showEmail = input(false);
  /** Staff: names link to the official's page. */
  readonly linkNames = input(false);
  /** Editors: end and leave buttons per row. */
  readonly editable = input(false);
  readonly endMembership = output<SubstituteRow>();
  readonly grantLeave = output<SubstituteRow>();
}
