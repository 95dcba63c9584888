import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Attendee, AttendeeUpdateInput } from '@sekretariat/contracts';
import { ErrorSummary } from '../shared/error-summary';
import { FieldError } from '../shared/field-error';
import { FormActions } from '../shared/form-actions';
import { FormProblems } from '../shared/form-problems';
import { ModalDialog } from '../shared/modal-dialog';
import { valueOf } from './minutes-format';
import { MinutesState } from './minutes-state';

const FIELDS = {
  absenceReason: 'attendee-reason',
  fromItemId: 'attendee-from',
  toItemId: 'attendee-to',
  arrivedAt: 'attendee-arrived',
  leftAt: 'attendee-left',
} as const;

/** One attendee's presence: absent with a reason, or present from an item to an item, with the times. */
@Component({
  selector: 'app-attendee-dialog',
  imports: [TranslocoPipe, ModalDialog, ErrorSummary, FieldError, FormActions],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-modal-dialog
      [heading]="'minutes.attendance.editHeading' | transloco: { name: attendee()?.name ?? '' }"
      testId="attendee-dialog"
    >
      @if (attendee()) {
        <form class="form" novalidate (submit)="save($event)">
          <app-error-summary [problems]="problems" />
          <fieldset class="ds-fieldset">
            <legend class="ds-label">{{ 'minutes.attendance.presence' | transloco }}</legend>
            <div class="ds-field">
              <input
                class="ds-input"
                type="radio"
                id="attendee-present"
                name="attendee-presence"
                [checked]="present()"
                (change)="present.set(true)"
              />
              <label class="ds-label" for="attendee-present">{{
                'minutes.attendance.present' | transloco
              }}</label>
            </div>
            <div class="ds-field">
              <input
                class="ds-input"
                type="radio"
                id="attendee-absent"
                name="attendee-presence"
                [checked]="!present()"
                (change)="present.set(false)"
              />
              <label class="ds-label" for="attendee-absent">{{
                'minutes.attendance.absent' | transloco
              }}</label>
            </div>
          </fieldset>
          @if (present()) {
            <div class="fields">
              @for (f of itemFields; track f.id) {
                <div class="ds-field">
                  <label class="ds-label" [for]="f.id">{{ f.label | transloco }}</label>
                  <select
                    class="ds-input"
                    [id]="f.id"
                    [value]="f.value()"
                    (change)="f.value.set(value($event))"
                    [attr.aria-invalid]="problems.for(f.id) ? true : null"
                    [attr.aria-describedby]="problems.describedBy(f.id)"
                  >
                    <option value="" [selected]="!f.value()">{{ f.none | transloco }}</option>
                    @for (item of items(); track item.id) {
                      <option [value]="item.id" [selected]="item.id === f.value()">
                        {{ item.number }}
                      </option>
                    }
                  </select>
                  <app-field-error [problems]="problems" [field]="f.id" />
                </div>
              }
              @for (f of timeFields; track f.id) {
                <div class="ds-field">
                  <label class="ds-label" [for]="f.id">{{ f.label | transloco }}</label>
                  <input
                    class="ds-input narrow"
                    type="time"
                    [id]="f.id"
                    [value]="f.value()"
                    (input)="f.value.set(value($event))"
                    [attr.aria-invalid]="problems.for(f.id) ? true : null"
                    [attr.aria-describedby]="problems.describedBy(f.id)"
                  />
                  <app-field-error [problems]="problems" [field]="f.id" />
                </div>
              }
            </div>
          } @else {
            <div class="ds-field">
              <label class="ds-label" for="attendee-reason">{{
                'minutes.attendance.reason' | transloco
              }}</label>
              <input
                class="ds-input"
                type="text"
                id="attendee-reason"
                maxlength="300"
                [value]="reason()"
                (input)="reason.set(value($event))"
                [attr.aria-invalid]="problems.for('attendee-reason') ? true : null"
                [attr.aria-describedby]="problems.describedBy('attendee-reason')"
              />
              <app-field-error [problems]="problems" field="attendee-reason" />
            </div>
          }
          <app-form-actions
            class="row-actions"
            submitKey="minutes.attendance.save"
            submitTestId="attendee-save"
            [saving]="state.saving()"
            (cancelled)="dialog().close()"
          />
        </form>
      }
    </app-modal-dialog>
  `,
  styleUrl: './minutes.css',
})
export class AttendeeDialog {
  protected readonly state = inject(MinutesState);
  protected readonly dialog = viewChild.required(ModalDialog);

  protected readonly attendee = signal<Attendee | null>(null);
  protected readonly present = signal(true);
  protected readonly reason = signal('');
  private readonly fromItem = signal('');
  private readonly toItem = signal('');
  private readonly arrivedAt = signal('');
  private readonly leftAt = signal('');
  protected readonly problems = new FormProblems();
  protected readonly value = valueOf;

  protected readonly items = () => this.state.minutes()?.items ?? [];
  protected readonly itemFields = [
    {
      id: FIELDS.fromItemId,
      label: 'minutes.attendance.fromItem',
      none: 'minutes.attendance.fromStart',
      value: this.fromItem,
    },
    {
      id: FIELDS.toItemId,
      label: 'minutes.attendance.toItem',
      none: 'minutes.attendance.toEnd',
      value: this.toItem,
    },
  ];
  protected readonly timeFields = [
    { id: FIELDS.arrivedAt, label: 'minutes.attendance.arrivedAt', value: this.arrivedAt },
    { id: FIELDS.leftAt, label: 'minutes.attendance.leftAt', value: this.leftAt },
  ];

  open(attendee: Attendee): void {
    this.problems.clear();
    this.attendee.set(attendee);
    this.present.set(attendee.present);
    this.reason.set(attendee.absenceReason);
    this.fromItem.set(attendee.fromItemId ?? '');
    this.toItem.set(attendee.toItemId ?? '');
    this.arrivedAt.set(attendee.arrivedAt ?? '');
    this.leftAt.set(attendee.leftAt ?? '');
    this.dialog().open();
  }

  protected save(event: Event): void {
    event.preventDefault();
    const attendee = this.attendee();
    if (!attendee) return;
    const present = this.present();
    const input: AttendeeUpdateInput = {
      present,
      absenceReason: present ? '' : this.reason().trim(),
      fromItemId: present ? this.fromItem() || null : null,
      toItemId: present ? this.toItem() || null : null,
      arrivedAt: present ? this.arrivedAt() || null : null,
      leftAt: present ? this.leftAt() || null : null,
    };
    void this.state
      .save((api, meetingId) => api.updateAttendee(meetingId, attendee.id, input), {
        problems: this.problems,
        fieldIds: FIELDS,
        doneKey: present ? 'minutes.attendance.savedPresent' : 'minutes.attendance.savedAbsent',
        doneParams: () => ({ name: attendee.name }),
      })
      .then((saved) => {
        if (saved) this.dialog().close();
      });
  }
}
