import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { MinutesState } from './minutes-state';

/** Every item as recorded, read-only: for an approved protocol, and for a signatory reading the draft. */
@Component({
  selector: 'app-items-summary',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section id="saker" aria-labelledby="summary-heading" data-testid="items-summary">
      <h2 class="ds-heading" data-size="md" id="summary-heading">
        {{ 'minutes.items.heading' | transloco }}
      </h2>
      <ol class="plain">
        @for (it of items(); track it.id) {
          <li class="card" [attr.data-testid]="'summary-item-' + it.number">
            <h3 class="ds-heading" data-size="xs">
              {{ it.number }} <span lang="nb">{{ it.title }}</span>
            </h3>
            <p class="ds-paragraph meta">
              <span class="ds-tag" data-color="neutral">{{
                'minutes.itemOutcome.' + it.outcome | transloco
              }}</span>
              @if (it.closed) {
                <span class="ds-tag" data-color="warning"
                  >{{ 'minutes.item.closed' | transloco
                  }}<span lang="nb">{{ it.citation ? ': ' + it.citation : '' }}</span>
                </span>
              }
            </p>
            @for (d of it.disqualifications; track d.id) {
              <p class="ds-paragraph" data-size="sm">
                {{ d.name }} –
                {{ (d.disqualified ? 'minutes.disq.yes' : 'minutes.disq.no') | transloco }} (<span
                  lang="nb"
                  >{{ d.citation }}</span
                >)
              </p>
            }
            @if (it.treatment) {
              <h4 class="ds-heading" data-size="2xs">
                {{ 'minutes.decision.treatment' | transloco }}
              </h4>
              <p class="ds-paragraph text" [attr.lang]="lang()">{{ it.treatment }}</p>
            }
            @if (it.proposals.length > 0) {
              <h4 class="ds-heading" data-size="2xs">
                {{ 'minutes.proposals.heading' | transloco }}
              </h4>
              <ol class="plain">
                @for (p of it.proposals; track p.id) {
                  <li>
                    <strong>{{
                      'minutes.proposals.numbered' | transloco: { ordinal: p.ordinal }
                    }}</strong>
                    – {{ 'minutes.kind.' + p.kind | transloco }}
                    @if (p.kind !== 'recommendation') {
                      – <span lang="nb">{{ p.proposer }}</span>
                    }
                    @if (p.text) {
                      <p class="ds-paragraph text" [attr.lang]="lang()">{{ p.text }}</p>
                    }
                    @if (p.result; as result) {
                      <p class="ds-paragraph" [attr.lang]="lang()" data-testid="summary-sentence">
                        {{ result.sentence }}
                      </p>
                    } @else {
                      <p class="ds-paragraph">{{ 'minutes.outcome.' + p.outcome | transloco }}</p>
                    }
                  </li>
                }
              </ol>
            }
            <h4 class="ds-heading" data-size="2xs">
              {{ 'minutes.decision.decision' | transloco }}
            </h4>
            @if (it.decision) {
              <p
                class="ds-paragraph text decision"
                [attr.lang]="lang()"
                data-testid="summary-decision"
              >
                {{ it.decision }}
              </p>
            } @else {
              <p class="ds-paragraph">{{ 'minutes.decision.none' | transloco }}</p>
            }
            @if (it.decisionExempt) {
              <p class="ds-paragraph">
                <span class="ds-tag" data-color="warning">{{
                  'minutes.decision.exempt' | transloco
                }}</span>
              </p>
            }
          </li>
        }
      </ol>
    </section>
  `,
  styleUrl: './minutes.css',
})
export class ItemsSummary {
  private readonly state = inject(MinutesState);
  protected readonly items = computed(() => this.state.minutes()?.items ?? []);
  protected readonly lang = computed(() => this.state.minutes()?.record.language ?? 'nb');
}
