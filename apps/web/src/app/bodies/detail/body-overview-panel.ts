import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { BodyOverview } from '@sekretariat/contracts';

/**
 * For staff: is the body's composition lawful today? Gender balance (koml. § 7-6; for the
 * formannskap "as far as possible"), members moved up for someone on leave (§ 7-10), and
 * lists that need more substitutes (supplering). The checks' texts come from the API in bokmål.
 */
@Component({
  selector: 'app-body-overview-panel',
  imports: [NgTemplateOutlet, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let data = overview();
    <section aria-labelledby="overview-heading" data-testid="body-overview">
      <h2 class="ds-heading" data-size="md" id="overview-heading">
        {{ 'bodies.overview.heading' | transloco }}
      </h2>

      @if (data.warnings.length > 0) {
        <div class="ds-alert" data-color="warning" data-testid="body-warnings">
          <h3 class="ds-heading" data-size="2xs">
            {{ 'bodies.overview.warningsHeading' | transloco }}
          </h3>
          <ul class="ds-list">
            @for (warning of data.warnings; track $index) {
              <li lang="nb">{{ warning }}</li>
            }
          </ul>
        </div>
      }

      <h3 class="ds-heading" data-size="xs">
        {{ 'bodies.overview.genderHeading' | transloco }}
      </h3>
      <p class="ds-paragraph rule">
        @if (data.genderBalance.applies === 'not_applicable') {
          {{ 'bodies.overview.genderRuleNotApplicable' | transloco }}
        } @else if (data.genderBalance.applies === 'as_far_as_possible') {
          {{ 'bodies.overview.genderRuleAsFarAsPossible' | transloco }}
        } @else {
          {{ 'bodies.overview.genderRuleRequired' | transloco }}
        }
      </p>
      @if (data.genderBalance.applies === 'not_applicable') {
      } @else if (data.genderBalance.checks.length === 0) {
        <p class="ds-paragraph">{{ 'bodies.overview.genderNoSeats' | transloco }}</p>
      } @else {
        <p class="ds-paragraph summary">
          @if (data.genderBalance.ok) {
            <span class="ds-tag" data-color="success">{{
              'bodies.overview.genderOk' | transloco
            }}</span>
          } @else if (data.genderBalance.applies === 'as_far_as_possible') {
            <span class="ds-tag" data-color="warning">{{
              'bodies.overview.genderNotMetAsFarAsPossible' | transloco
            }}</span>
          } @else {
            <span class="ds-tag" data-color="danger">{{
              'bodies.overview.genderNotMet' | transloco
            }}</span>
          }
        </p>
        @if (failed().length > 0) {
          <ul class="checks" data-testid="gender-deviations">
            @for (check of failed(); track check.group) {
              <ng-container *ngTemplateOutlet="checkItem; context: { $implicit: check }" />
            }
          </ul>
        }
        <details class="ds-details all-checks">
          <summary>
            {{
              'bodies.overview.allChecks' | transloco: { count: data.genderBalance.checks.length }
            }}
          </summary>
          <div>
            <ul class="checks" data-testid="gender-checks">
              @for (check of data.genderBalance.checks; track check.group) {
                <ng-container *ngTemplateOutlet="checkItem; context: { $implicit: check }" />
              }
            </ul>
          </div>
        </details>
      }

      @if (data.actingMembers.length > 0) {
        <h3 class="ds-heading" data-size="xs">
          {{ 'bodies.overview.actingHeading' | transloco }}
        </h3>
        <ul class="ds-list" data-testid="acting-members">
          @for (acting of data.actingMembers; track acting.personId) {
            <li>
              <strong>
                {{
                  'bodies.overview.actingFor'
                    | transloco: { name: acting.name, forName: acting.forName }
                }}
              </strong>
              <br />
              <span lang="nb">{{ acting.explanation }}</span>
            </li>
          }
        </ul>
      }
    </section>

    <ng-template #checkItem let-check>
      <li [class.failed]="!check.ok">
        <span class="ds-tag" [attr.data-color]="check.ok ? 'success' : 'warning'">
          {{ (check.ok ? 'bodies.overview.checkOk' : 'bodies.overview.checkNotOk') | transloco }}
        </span>
        <span>{{
          (check.ok ? 'bodies.overview.checkMet' : 'bodies.overview.checkShort')
            | transloco
              : {
                  group:
                    (check.list === null
                      ? 'bodies.overview.checkGroup.' + check.kind
                      : 'bodies.overview.checkGroup.' + check.kind + 'List'
                    ) | transloco: { list: check.list },
                  female: check.female,
                  male: check.male,
                  total: check.total,
                  required: check.required,
                }
        }}</span>
      </li>
    </ng-template>
  `,
  styles: `
    h2.ds-heading {
      margin-top: var(--ds-size-10);
      margin-bottom: var(--ds-size-4);
    }
    .ds-alert {
      margin-block: var(--ds-size-4);
    }
    .ds-alert > * + * {
      margin-top: var(--ds-size-2);
    }
    h3.ds-heading {
      margin-top: var(--ds-size-6);
      margin-bottom: var(--ds-size-2);
    }
    .rule {
      max-width: 48em;
      margin-bottom: var(--ds-size-3);
    }
    .checks {
      display: grid;
      gap: var(--ds-size-2);
      margin: var(--ds-size-3) 0 0;
      padding: 0;
      list-style: none;
    }
    .checks li {
      display: grid;
      grid-template-columns: 5.5rem 1fr;
      align-items: baseline;
      gap: var(--ds-size-3);
    }
    .checks .ds-tag {
      justify-content: center;
    }
    .all-checks {
      margin-top: var(--ds-size-4);
    }
    .failed {
      font-weight: var(--ds-font-weight-medium);
    }
  `,
})
export class BodyOverviewPanel {
  readonly overview = input.required<BodyOverview>();

  /** Deviations are shown at once; every check is behind "Alle kontroller". */
  protected readonly failed = computed(() =>
    this.overview().genderBalance.checks.filter((check) => !check.ok),
  );
}
