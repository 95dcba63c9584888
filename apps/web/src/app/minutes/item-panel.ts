import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  inject,
  input,
  viewChild,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { MinutesItem } from '@sekretariat/contracts';
import { Disqualifications } from './disqualifications';
import { ItemDecision } from './item-decision';
import { MinutesState } from './minutes-state';
import { Proposals } from './proposals';
import { votersInItem, votingAttendees } from './voters';

/** One agenda item during the meeting: who votes in it and quorum, disqualifications, proposals and votes, the decision. */
@Component({
  selector: 'app-item-panel',
  imports: [TranslocoPipe, Disqualifications, Proposals, ItemDecision],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let it = item();
    <article
      class="item-panel"
      [attr.aria-labelledby]="'item-heading-' + it.id"
      data-testid="item-panel"
    >
      <h3 #heading class="ds-heading" data-size="sm" tabindex="-1" [id]="'item-heading-' + it.id">
        {{ it.number }} <span lang="nb">{{ it.title }}</span>
      </h3>
      <p class="ds-paragraph meta">
        @if (it.archiveReference) {
          <span>{{ 'minutes.item.archive' | transloco: { ref: it.archiveReference } }}</span>
        }
        @if (it.closed) {
          <span class="ds-tag" data-color="warning"
            >{{ 'minutes.item.closed' | transloco
            }}<span lang="nb">{{ it.citation ? ': ' + it.citation : '' }}</span>
          </span>
        }
      </p>
      <p class="ds-paragraph" data-testid="item-voting">
        {{
          'minutes.item.voting' | transloco: { present: it.votingPresent, members: memberCount() }
        }}
      </p>
      @if (!it.quorate) {
        <div class="ds-alert" data-color="warning" data-testid="item-not-quorate">
          <p class="ds-paragraph">
            {{
              'minutes.item.notQuorate'
                | transloco: { present: it.votingPresent, members: memberCount(), needed: needed() }
            }}
          </p>
        </div>
      }
      <app-disqualifications [item]="it" [members]="members()" />
      <app-proposals [item]="it" [voters]="voters()" [textLang]="lang()" />
      <app-item-decision [item]="it" [textLang]="lang()" />
    </article>
  `,
  styleUrl: './minutes.css',
})
export class ItemPanel {
  private readonly state = inject(MinutesState);

  readonly item = input.required<MinutesItem>();

  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  protected readonly memberCount = computed(() => this.state.minutes()?.memberCount ?? 0);
  /** koml. § 11-9: at least half of the members. */
  protected readonly needed = computed(() => Math.ceil(this.memberCount() / 2));
  protected readonly lang = computed(() => this.state.minutes()?.record.language ?? 'nb');
  protected readonly voters = computed(() => {
    const minutes = this.state.minutes();
    return minutes ? votersInItem(minutes, this.item()) : [];
  });
  protected readonly members = computed(() => {
    const minutes = this.state.minutes();
    return minutes ? votingAttendees(minutes) : [];
  });

  /** After choosing the item in the list: start reading here. */
  focus(): void {
    this.heading().nativeElement.focus();
  }
}
