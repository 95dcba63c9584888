import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  inject,
  viewChild,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { SessionStore } from '../core/session/session-store';
import { ErrorSummary } from '../shared/error-summary';
import { FormProblems } from '../shared/form-problems';
import { ModalDialog } from '../shared/modal-dialog';
import { MinutesApi } from './minutes-api';
import { MinutesState } from './minutes-state';
import { ProtocolVersions } from './protocol-versions';
import { RecordForm } from './record-form';

/**
 * The protocol: its facts (a form for the secretariat, read-only otherwise), marking the meeting
 * held (what that locks, and undo), the draft and public PDF, and its versions with signatures.
 */
@Component({
  selector: 'app-protocol-panel',
  imports: [TranslocoPipe, ErrorSummary, ModalDialog, RecordForm, ProtocolVersions],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let m = state.minutes();
    <section id="protokoll" aria-labelledby="protocol-heading" data-testid="protocol-panel">
      <h2 class="ds-heading" data-size="md" id="protocol-heading" tabindex="-1">
        {{ 'minutes.protocol.heading' | transloco }}
      </h2>
      @if (m) {
        @if (state.editable()) {
          <app-record-form />
        } @else {
          <dl class="facts" data-testid="record-facts">
            <div>
              <dt>{{ 'minutes.record.language' | transloco }}</dt>
              <dd>{{ 'minutes.language.' + m.record.language | transloco }}</dd>
            </div>
            <div>
              <dt>{{ 'minutes.record.openedAt' | transloco }}</dt>
              <dd>{{ m.record.openedAt ?? '–' }}</dd>
            </div>
            <div>
              <dt>{{ 'minutes.record.closedAt' | transloco }}</dt>
              <dd>{{ m.record.closedAt ?? '–' }}</dd>
            </div>
            <div>
              <dt>{{ 'minutes.record.chair' | transloco }}</dt>
              <dd>{{ chairName() || '–' }}</dd>
            </div>
            <div>
              <dt>{{ 'minutes.record.approval' | transloco }}</dt>
              <dd>{{ 'minutes.approval.' + m.record.approvalMethod | transloco }}</dd>
            </div>
            <div>
              <dt>{{ 'minutes.record.remarks' | transloco }}</dt>
              <dd [attr.lang]="m.record.language">
                {{ m.record.remarks || ('minutes.record.noRemarks' | transloco) }}
              </dd>
            </div>
          </dl>
        }

        <h3 #heldHeading class="ds-heading" data-size="xs" tabindex="-1">
          {{ 'minutes.held.heading' | transloco }}
        </h3>
        <p class="ds-paragraph" data-testid="held-state">
          {{ 'minutes.held.state.' + m.meetingStatus | transloco }}
        </p>
        <app-error-summary [problems]="problems" />
        @if (state.editable()) {
          <div class="row-actions">
            @if (m.meetingStatus === 'notice_sent') {
              <button
                type="button"
                class="ds-button"
                data-testid="mark-held"
                (click)="heldDialog()?.open()"
              >
                {{ 'minutes.held.mark' | transloco }}
              </button>
            } @else if (m.meetingStatus === 'held') {
              <button
                type="button"
                class="ds-button"
                data-variant="secondary"
                data-testid="unmark-held"
                [attr.aria-busy]="state.saving() || null"
                (click)="unmarkHeld()"
              >
                {{ 'minutes.held.undo' | transloco }}
              </button>
            }
          </div>
        }

        <h3 class="ds-heading" data-size="xs">{{ 'minutes.protocol.pdfHeading' | transloco }}</h3>
        <div class="row-actions">
          <a
            class="ds-button"
            data-variant="secondary"
            data-testid="protocol-pdf"
            [href]="internalPdf()"
            >{{
              (m.locked ? 'minutes.protocol.pdfApproved' : 'minutes.protocol.pdfDraft') | transloco
            }}</a
          >
          <a
            class="ds-button"
            data-variant="secondary"
            data-testid="protocol-public-pdf"
            [href]="publicPdf()"
            >{{ 'minutes.protocol.pdfPublic' | transloco }}</a
          >
        </div>

        <app-protocol-versions />
      }

      @if (state.editable()) {
        <app-modal-dialog
          #held
          [heading]="'minutes.held.confirmHeading' | transloco"
          testId="held-dialog"
        >
          <p class="ds-paragraph">{{ 'minutes.held.confirmIntro' | transloco }}</p>
          <ul class="ds-list">
            <li>{{ 'minutes.held.locksAgenda' | transloco }}</li>
            <li>{{ 'minutes.held.locksNotice' | transloco }}</li>
            <li>{{ 'minutes.held.keepsMinutes' | transloco }}</li>
            <li>{{ 'minutes.held.undoable' | transloco }}</li>
          </ul>
          <div class="row-actions">
            <button
              type="button"
              class="ds-button"
              data-testid="held-confirm"
              [attr.aria-busy]="state.saving() || null"
              (click)="markHeld()"
            >
              {{ 'minutes.held.mark' | transloco }}
            </button>
            <button
              type="button"
              class="ds-button"
              data-variant="secondary"
              (click)="heldDialog()?.close()"
            >
              {{ 'common.cancel' | transloco }}
            </button>
          </div>
        </app-modal-dialog>
      }
    </section>
  `,
  styleUrl: './minutes.css',
})
export class ProtocolPanel {
  protected readonly state = inject(MinutesState);
  private readonly api = inject(MinutesApi);
  protected readonly session = inject(SessionStore);
  protected readonly heldDialog = viewChild<ModalDialog>('held');
  private readonly heldHeading = viewChild<ElementRef<HTMLElement>>('heldHeading');
  protected readonly problems = new FormProblems();

  protected readonly internalPdf = computed(() =>
    this.api.pdfUrl(this.state.meetingId(), 'internal'),
  );
  protected readonly publicPdf = computed(() => this.api.pdfUrl(this.state.meetingId(), 'public'));
  protected readonly chairName = computed(() => {
    const minutes = this.state.minutes();
    return (
      minutes?.attendees.find(
        (a) => a.personId !== null && a.personId === minutes.record.chairPersonId,
      )?.name ?? ''
    );
  });

  protected markHeld(): void {
    void this.state
      .save((api, meetingId) => api.markHeld(meetingId), {
        problems: this.problems,
        doneKey: 'minutes.held.marked',
      })
      .then(() => {
        // Refused (too early) or not, the outcome is on the page, not behind the dialog; the
        // button that opened it is gone when it worked.
        this.heldDialog()?.close();
        this.heldHeading()?.nativeElement.focus();
      });
  }

  protected unmarkHeld(): void {
    void this.state.save((api, meetingId) => api.unmarkHeld(meetingId), {
      problems: this.problems,
      doneKey: 'minutes.held.unmarked',
    });
  }
}
