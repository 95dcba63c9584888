import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError } from '../../core/api/api-error';
import { LanguageService } from '../../core/i18n/language.service';
import { TranslatedTitleStrategy } from '../../core/routing/translated-title-strategy';
import { hasAnyRole } from '../../core/session/roles';
import { SessionStore } from '../../core/session/session-store';
import { type Flash, FlashMessage } from '../../shared/flash-message';
import { IsoDatePipe } from '../../shared/iso-date.pipe';
import { LoadState } from '../../shared/load-state';
import { BOARD_ROLES } from '../election-roles';
import { ElectionsApi } from '../elections-api';
import { CancelVotePanel } from './cancel-vote-panel';
import { EnvelopesPanel } from './envelopes-panel';
import { RollUploadPanel } from './roll-upload-panel';
import { VotesReportPanel } from './votes-report-panel';
import { VotingPlacesPanel } from './voting-places-panel';

/**
 * One election (`/valg/:id`) for the organisers: its periods, voting places, the roll, the
 * figures, and for the election board the way to its prøving (`/valg/:id/proving`) and the
 * cancelling of a registration made in error, found by the voter's name or personal number;
 * the register of envelopes to and from other municipalities; the board's record as PDF.
 */
@Component({
  selector: 'app-election-detail-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    IsoDatePipe,
    LoadState,
    VotingPlacesPanel,
    RollUploadPanel,
    VotesReportPanel,
    CancelVotePanel,
    EnvelopesPanel,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './election-detail-page.html',
  styleUrl: './admin.css',
})
export class ElectionDetailPage {
  private readonly api = inject(ElectionsApi);
  private readonly session = inject(SessionStore);
  protected readonly language = inject(LanguageService);

  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  /** The API has no single-election endpoint: the list is short. */
  protected readonly elections = rxResource({ stream: () => this.api.list() });
  protected readonly election = computed(() =>
    this.elections.hasValue()
      ? (this.elections.value().items.find((e) => e.id === this.id()) ?? null)
      : null,
  );
  protected readonly notFound = computed(() =>
    this.elections.hasValue() && !this.election()
      ? new ApiError(404, 'NOT_FOUND', 'No such election.')
      : undefined,
  );
  protected readonly isBoard = computed(() => hasAnyRole(this.session.callers(), BOARD_ROLES));
  protected readonly status = signal<Flash | null>(inject(FlashMessage).take());
  /** Bumped when the roll or the votes change, so that the figures are read again. */
  protected readonly figuresVersion = signal(0);

  constructor() {
    const titles = inject(TranslatedTitleStrategy);
    effect(() => {
      titles.setDetail(this.election()?.name ?? null);
    });
  }

  protected rollImported(): void {
    this.elections.reload();
    this.figuresVersion.update((v) => v + 1);
  }

  /** The board's record of advance voting (PDF), in the written standard set for the election. */
  protected readonly boardRecordUrl = computed(() => this.api.boardRecordUrl(this.id()));

  protected voteCancelled(): void {
    this.figuresVersion.update((v) => v + 1);
  }
}
