import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { MemberRow, SubstituteRow } from '@sekretariat/contracts';
import { of } from 'rxjs';
import { LanguageService } from '../core/i18n/language.service';
import { TranslatedTitleStrategy } from '../core/routing/translated-title-strategy';
import { SessionStore } from '../core/session/session-store';
import { FlashMessage } from '../shared/flash-message';
import { IsoDatePipe } from '../shared/iso-date.pipe';
import { LoadState } from '../shared/load-state';
import { ScrollRegion } from '../shared/scroll-region';
import { BodiesApi } from './bodies-api';
import { AddMembershipForm, type MembershipAdded } from './detail/add-membership-form';
import { BodyOverviewPanel } from './detail/body-overview-panel';
import { EndMembershipDialog, type MembershipEnded } from './detail/end-membership-dialog';
import { type LeaveGranted, LeaveDialog } from './detail/leave-dialog';
import { MembershipHistory } from './detail/membership-history';
import type { MembershipTarget } from './detail/membership-target';
import { SubstituteFinder } from './detail/substitute-finder';
import { SubstituteTable } from './detail/substitute-table';

/** What the page tells the user after a change: announced, and focused when it needs reading. */
interface StatusMessage {
  readonly messageKey: string;
  readonly params?: Readonly<Record<string, unknown>>;
  /** The API's Norwegian prompt after a member left for good: who moves up, elect a new substitute. */
  readonly prompt?: string | null;
  /** Changes on every message, so that the same text is announced again. */
  readonly id: number;
}

export interface SubstituteGroup {
  /** Party short name; null for substitutes without a party. */
  readonly list: string | null;
  readonly substitutes: readonly SubstituteRow[];
}

let statusCount = 0;

@Component({
  selector: 'app-body-detail-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    IsoDatePipe,
    LoadState,
    ScrollRegion,
    BodyOverviewPanel,
    MembershipHistory,
    AddMembershipForm,
    EndMembershipDialog,
    LeaveDialog,
    SubstituteFinder,
    SubstituteTable,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './body-detail-page.html',
  styleUrl: './bodies.css',
})
export class BodyDetailPage {
  private readonly api = inject(BodiesApi);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  protected readonly session = inject(SessionStore);
  protected readonly language = inject(LanguageService);

  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  protected readonly detail = rxResource({
    params: () => {
      const audience = this.session.audience();
      return audience ? { audience, id: this.id() } : undefined;
    },
    stream: ({ params }) => this.api.detail(params.audience, params.id),
  });
  /** Staff only: gender balance, acting members, warnings and the body's settings. */
  protected readonly overview = rxResource({
    params: () => (this.staffView() ? { id: this.id() } : undefined),
    stream: ({ params }) => this.api.overview(params.id),
  });
  /** Staff only: every membership, ended ones too. */
  protected readonly history = rxResource({
    params: () => (this.staffView() ? { id: this.id() } : undefined),
    stream: ({ params }) => this.api.history(params.id),
  });
  /** The parent body's name, when there is one (staff). */
  protected readonly parent = rxResource({
    params: () => {
      const parentId = this.overview.hasValue() ? this.overview.value().parentId : null;
      return parentId ? { parentId } : undefined;
    },
    stream: ({ params }) =>
      params.parentId ? this.api.detail('staff', params.parentId) : of(null),
  });

  protected readonly view = computed(() => (this.detail.hasValue() ? this.detail.value() : null));
  protected readonly overviewData = computed(() =>
    this.overview.hasValue() ? this.overview.value() : null,
  );
  protected readonly isEditor = computed(() => this.staffView() && this.session.isEditor());
  /** Signed-in staff see the staff endpoints' data (links to officials, history). */
  protected readonly staffView = computed(() => this.session.audience() === 'staff');

  protected readonly substitutes = computed(() =>
    // By rank, then party: where ranks are counted per party list (1, 1, 2, 2 …), equal ranks keep a fixed order.
    [...(this.view()?.body.substitutes ?? [])].sort(
      (a, b) => a.rank - b.rank || (a.party ?? '').localeCompare(b.party ?? '', 'nb'),
    ),
  );
  /** Per party list (numbered within each list) or one common list, as the body elected them. */
  protected readonly perList = computed(
    () => (this.overviewData()?.substituteOrder ?? this.view()?.body.substituteOrder) !== 'common',
  );
  protected readonly substituteGroups = computed<readonly SubstituteGroup[]>(() => {
    const groups = new Map<string | null, SubstituteRow[]>();
    for (const substitute of this.substitutes()) {
      const group = groups.get(substitute.party) ?? [];
      group.push(substitute);
      groups.set(substitute.party, group);
    }
    return [...groups.entries()]
      .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'nb')))
      .map(([list, substitutes]) => ({ list, substitutes }));
  });
  /** E-mail addresses come only with the staff endpoint; show the column only then. */
  protected readonly showMemberEmail = computed(
    () => this.view()?.body.members.some((member) => member.email !== null) ?? false,
  );
  protected readonly showSubstituteEmail = computed(() =>
    this.substitutes().some((substitute) => substitute.email !== null),
  );

  protected readonly status = signal<StatusMessage | null>(null);
  protected readonly addOpen = signal(false);
  private readonly endDialog = viewChild(EndMembershipDialog);
  private readonly leaveDialog = viewChild(LeaveDialog);

  constructor() {
    const titles = inject(TranslatedTitleStrategy);
    effect(() => {
      titles.setDetail(this.view()?.body.name ?? null);
    });
    const flash = inject(FlashMessage).take();
    if (flash) {
      this.status.set({ ...flash, id: ++statusCount });
    }
  }

  protected target(row: MemberRow, kind: MembershipTarget['kind']): MembershipTarget {
    return { membershipId: row.membershipId, name: row.name, kind, from: row.from };
  }

  protected openEnd(row: MemberRow, kind: MembershipTarget['kind']): void {
    this.endDialog()?.open(this.target(row, kind));
  }

  protected openLeave(row: MemberRow, kind: MembershipTarget['kind']): void {
    this.leaveDialog()?.open(this.target(row, kind));
  }

  protected toggleAdd(event: Event): void {
    this.addOpen.set((event.target as HTMLDetailsElement).open);
  }

  protected onAdded(added: MembershipAdded): void {
    this.announce({
      messageKey:
        added.kind === 'member' ? 'bodies.status.memberAdded' : 'bodies.status.substituteAdded',
      params: { name: added.name },
    });
  }

  protected onEnded(ended: MembershipEnded): void {
    this.announce(
      {
        messageKey: 'bodies.status.ended',
        params: { name: ended.target.name },
        prompt: ended.prompt,
      },
      true,
    );
  }

  protected onLeave(granted: LeaveGranted): void {
    this.announce(
      {
        messageKey:
          granted.kind === 'leave' ? 'bodies.status.leaveGranted' : 'bodies.status.released',
        params: { name: granted.target.name },
      },
      true,
    );
  }

  /**
   * Shows the result in the status region (polite live region) and reloads what changed.
   * After a dialog the row it came from may be gone, so focus moves to the message.
   */
  private announce(message: Omit<StatusMessage, 'id'>, focus = false): void {
    this.status.set({ ...message, id: ++statusCount });
    this.detail.reload();
    this.overview.reload();
    this.history.reload();
    if (focus) {
      afterNextRender(
        () => {
          this.document.querySelector<HTMLElement>('[data-testid="body-status"]')?.focus();
        },
        { injector: this.injector },
      );
    }
  }
}
