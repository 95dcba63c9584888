import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  inject,
  viewChild,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../core/i18n/language.service';
import { SessionStore } from '../core/session/session-store';
import { ErrorSummary } from '../shared/error-summary';
import { FormProblems } from '../shared/form-problems';
import { ModalDialog } from '../shared/modal-dialog';
import { MinutesApi } from './minutes-api';
import { formatDay, formatMoment } from './minutes-format';
import { MinutesState } from './minutes-state';

/** A chosen signatory reads the draft and approves it with their own sign-in (after confirming). */
@Component({
  selector: 'app-sign-protocol',
  imports: [TranslocoPipe, ErrorSummary, ModalDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="sign" aria-labelledby="sign-heading" data-testid="sign-protocol">
      <h2 #heading class="ds-heading" data-size="md" id="sign-heading" tabindex="-1">
        {{ 'minutes.sign.heading' | transloco }}
      </h2>
      <app-error-summary [problems]="problems" />
      @switch (stage()) {
        @case ('signed') {
          <div class="ds-alert" data-color="success" data-testid="sign-done">
            <p class="ds-paragraph">{{ 'minutes.sign.signed' | transloco: { at: signedAt() } }}</p>
          </div>
        }
        @case ('ready') {
          <p class="ds-paragraph">
            {{ 'minutes.sign.intro' | transloco: { version: draft()?.version } }}
          </p>
          <div class="row-actions">
            <a class="ds-button" data-variant="secondary" [href]="pdf()">{{
              'minutes.protocol.pdfDraft' | transloco
            }}</a>
            <button
              type="button"
              class="ds-button"
              data-testid="sign-open"
              (click)="dialog().open()"
            >
              {{ 'minutes.sign.button' | transloco }}
            </button>
          </div>
        }
        @default {
          <p class="ds-paragraph" data-testid="sign-state">
            {{ 'minutes.sign.state.' + stage() | transloco }}
          </p>
        }
      }
      <app-modal-dialog [heading]="'minutes.sign.confirmHeading' | transloco" testId="sign-dialog">
        <p class="ds-paragraph">{{ 'minutes.sign.confirmIntro' | transloco: confirmParams() }}</p>
        <ul class="ds-list">
          <li>{{ 'minutes.sign.confirmStored' | transloco }}</li>
          <li>{{ 'minutes.sign.confirmLast' | transloco }}</li>
        </ul>
        <div class="row-actions">
          <button
            type="button"
            class="ds-button"
            data-testid="sign-confirm"
            [attr.aria-busy]="state.saving() || null"
            (click)="sign()"
          >
            {{ 'minutes.sign.button' | transloco }}
          </button>
          <button
            type="button"
            class="ds-button"
            data-variant="secondary"
            (click)="dialog().close()"
          >
            {{ 'common.cancel' | transloco }}
          </button>
        </div>
      </app-modal-dialog>
    </section>
  `,
  styleUrl: './minutes.css',
})
export class SignProtocol {
  protected readonly state = inject(MinutesState);
  private readonly session = inject(SessionStore);
  private readonly api = inject(MinutesApi);
  private readonly language = inject(LanguageService);
  protected readonly dialog = viewChild.required(ModalDialog);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');
  protected readonly problems = new FormProblems();

  protected readonly draft = computed(
    () => this.state.minutes()?.versions.find((v) => v.status === 'draft') ?? null,
  );
  private readonly mine = computed(() => {
    const personId = this.session.user()?.personId;
    return personId
      ? (this.draft()?.signatures.find((s) => s.personId === personId) ?? null)
      : null;
  });
  /** Where the signing stands for this official. */
  protected readonly stage = computed(() => {
    const minutes = this.state.minutes();
    const draft = this.draft();
    if (!minutes || !draft) return 'approved';
    if (draft.approvalMethod !== 'signatures') return 'nextMeeting';
    const mine = this.mine();
    if (!mine) return 'notChosen';
    if (mine.signedAt) return 'signed';
    if (minutes.meetingStatus !== 'held') return 'notHeld';
    return 'ready';
  });
  protected readonly signedAt = computed(() => {
    const at = this.mine()?.signedAt;
    return at ? formatMoment(at, this.language.locale()) : '';
  });
  protected readonly confirmParams = computed(() => {
    const minutes = this.state.minutes();
    return {
      version: this.draft()?.version ?? '',
      body: minutes?.bodyName ?? '',
      date: minutes ? formatDay(minutes.startsAt, this.language.locale()) : '',
    };
  });
  protected readonly pdf = computed(() => this.api.pdfUrl(this.state.meetingId(), 'internal'));

  protected sign(): void {
    void this.state
      .save((api, meetingId) => api.sign(meetingId), {
        problems: this.problems,
        doneKey: 'minutes.sign.done',
      })
      .then(() => {
        this.dialog().close();
        // The button is gone once signed; a refusal is shown here.
        this.heading().nativeElement.focus();
      });
  }
}
