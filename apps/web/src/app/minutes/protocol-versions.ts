import {
  ChangeDetectionStrategy,
  Component,
  ApplicationRef,
  DOCUMENT,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../core/i18n/language.service';
import { SessionStore } from '../core/session/session-store';
import { ErrorSummary } from '../shared/error-summary';
import { FieldError } from '../shared/field-error';
import { FormActions } from '../shared/form-actions';
import { FormProblems } from '../shared/form-problems';
import { ModalDialog } from '../shared/modal-dialog';
import { ScrollRegion } from '../shared/scroll-region';
import { MinutesApi } from './minutes-api';
import { formatMoment, valueOf } from './minutes-format';
import { MinutesState } from './minutes-state';

/** The protocol's versions with their status and signatures; «Rett protokollen» once approved. */
@Component({
  selector: 'app-protocol-versions',
  imports: [TranslocoPipe, ErrorSummary, FieldError, FormActions, ModalDialog, ScrollRegion],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let m = state.minutes();
    @if (m) {
      <h3 class="ds-heading" data-size="xs" id="versions-heading">
        {{ 'minutes.versions.heading' | transloco }}
      </h3>
      <div appScrollRegion="versions-heading">
        <table
          class="ds-table"
          data-border
          aria-labelledby="versions-heading"
          data-testid="versions-table"
        >
          <thead>
            <tr>
              <th scope="col">{{ 'minutes.versions.version' | transloco }}</th>
              <th scope="col">{{ 'minutes.versions.status' | transloco }}</th>
              <th scope="col">{{ 'minutes.versions.signatures' | transloco }}</th>
              <th scope="col">{{ 'minutes.versions.pdf' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (v of m.versions; track v.version) {
              <tr [attr.data-testid]="'version-' + v.version">
                <th scope="row">{{ v.version }}</th>
                <td>
                  <span
                    class="ds-tag"
                    [attr.data-color]="v.status === 'approved' ? 'success' : 'neutral'"
                    >{{ 'minutes.versions.state.' + v.status | transloco }}</span
                  >
                  @if (v.approvedAt) {
                    <div>
                      {{ 'minutes.versions.approvedAt' | transloco: { at: moment(v.approvedAt) } }}
                    </div>
                  }
                  @if (v.approvedInItem) {
                    <div>
                      {{ 'minutes.versions.approvedIn' | transloco: { item: v.approvedInItem } }}
                    </div>
                  }
                  @if (v.correctionReason) {
                    <div>
                      {{ 'minutes.versions.correction' | transloco }}
                      <span lang="nb">{{ v.correctionReason }}</span>
                    </div>
                  }
                </td>
                <td>
                  @if (v.approvalMethod === 'next_meeting') {
                    {{ 'minutes.approval.next_meeting' | transloco }}
                  } @else {
                    <ul class="plain">
                      @for (s of v.signatures; track s.personId) {
                        <li>
                          {{ s.name }}:
                          {{
                            s.signedAt
                              ? ('minutes.versions.signedAt'
                                | transloco: { at: moment(s.signedAt) })
                              : ('minutes.versions.notSigned' | transloco)
                          }}
                        </li>
                      } @empty {
                        <li>{{ 'minutes.versions.noSignatories' | transloco }}</li>
                      }
                    </ul>
                  }
                </td>
                <td>
                  @if (v.status !== 'draft') {
                    <a class="ds-link" [href]="pdf(v.version)">{{
                      'minutes.versions.pdfLink' | transloco: { version: v.version }
                    }}</a>
                  } @else {
                    <span class="ds-sr-only">{{
                      'minutes.versions.draftPdf' | transloco
                    }}</span><span aria-hidden="true">–</span>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      @if (session.isEditor() && m.locked) {
        <p class="ds-paragraph">{{ 'minutes.correct.intro' | transloco }}</p>
        <button
          type="button"
          class="ds-button"
          data-variant="secondary"
          data-testid="correct-open"
          (click)="openCorrect()"
        >
          {{ 'minutes.correct.button' | transloco }}
        </button>
        <app-modal-dialog [heading]="'minutes.correct.heading' | transloco" testId="correct-dialog">
          <form class="form" novalidate (submit)="correct($event)">
            <p class="ds-paragraph">{{ 'minutes.correct.explain' | transloco }}</p>
            <app-error-summary [problems]="problems" />
            <div class="ds-field">
              <label class="ds-label" for="correct-reason">{{
                'minutes.correct.reason' | transloco
              }}</label>
              <textarea
                class="ds-input"
                id="correct-reason"
                rows="3"
                maxlength="2000"
                [value]="reason()"
                (input)="reason.set(value($event))"
                [attr.aria-invalid]="problems.for('correct-reason') ? true : null"
                [attr.aria-describedby]="problems.describedBy('correct-reason')"
              ></textarea>
              <app-field-error [problems]="problems" field="correct-reason" />
            </div>
            <app-form-actions
              class="row-actions"
              submitKey="minutes.correct.submit"
              submitTestId="correct-submit"
              [saving]="state.saving()"
              (cancelled)="dialog()?.close()"
            />
          </form>
        </app-modal-dialog>
      }
    }
  `,
  styleUrl: './minutes.css',
})
export class ProtocolVersions {
  protected readonly state = inject(MinutesState);
  protected readonly session = inject(SessionStore);
  private readonly api = inject(MinutesApi);
  private readonly language = inject(LanguageService);
  private readonly document = inject(DOCUMENT);
  // The page's root: this component is replaced when the page turns editable again.
  private readonly injector = inject(ApplicationRef).injector;
  protected readonly dialog = viewChild(ModalDialog);

  protected readonly reason = signal('');
  protected readonly problems = new FormProblems();
  protected readonly value = valueOf;
  private readonly meetingId = computed(() => this.state.meetingId());

  protected moment(iso: string): string {
    return formatMoment(iso, this.language.locale());
  }

  protected pdf(version: number): string {
    return this.api.pdfUrl(this.meetingId(), 'internal', version);
  }

  protected openCorrect(): void {
    this.reason.set('');
    this.problems.clear();
    this.dialog()?.open();
  }

  protected correct(event: Event): void {
    event.preventDefault();
    const reason = this.reason().trim();
    if (!reason) {
      this.problems.set([
        { field: 'correct-reason', messageKey: 'minutes.correct.reasonRequired' },
      ]);
      return;
    }
    void this.state
      .save((api, meetingId) => api.correct(meetingId, reason), {
        problems: this.problems,
        fieldIds: { reason: 'correct-reason' },
        doneKey: 'minutes.correct.done',
      })
      .then((saved) => {
        if (!saved) return;
        this.dialog()?.close();
        // The page turns editable again and this button goes: go on from the protocol's heading.
        afterNextRender(() => this.document.getElementById('protocol-heading')?.focus(), {
          injector: this.injector,
        });
      });
  }
}
