import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AttendeeInput } from '@sekretariat/contracts';
import { ErrorSummary } from '../shared/error-summary';
import { FieldError } from '../shared/field-error';
import { FormActions } from '../shared/form-actions';
import { type FormProblem, FormProblems } from '../shared/form-problems';
import { LoadState } from '../shared/load-state';
import { ModalDialog } from '../shared/modal-dialog';
import { MinutesApi } from './minutes-api';
import { valueOf } from './minutes-format';
import { MinutesState } from './minutes-state';
import { voterLabel } from './voters';

export type AddedRole = AttendeeInput['role'];

const FIELDS = {
  personId: 'add-attendee-person',
  meetsForPersonId: 'add-attendee-for',
  onlyItemId: 'add-attendee-item',
  name: 'add-attendee-name',
  title: 'add-attendee-title',
} as const;

/** Someone more in the room: a substitute from the body's list who meets for a member (the whole meeting or one item), or an officer. */
@Component({
  selector: 'app-add-attendee-dialog',
  imports: [TranslocoPipe, ModalDialog, ErrorSummary, FieldError, FormActions, LoadState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './add-attendee-dialog.html',
  styleUrl: './minutes.css',
})
export class AddAttendeeDialog {
  private readonly api = inject(MinutesApi);
  protected readonly state = inject(MinutesState);
  protected readonly dialog = viewChild.required(ModalDialog);

  protected readonly role = signal<AddedRole>('substitute');
  protected readonly personId = signal('');
  protected readonly meetsFor = signal('');
  protected readonly onlyItem = signal('');
  protected readonly name = signal('');
  protected readonly title = signal('');
  protected readonly problems = new FormProblems();
  protected readonly value = valueOf;
  protected readonly label = voterLabel;

  /** Loaded when the dialog first opens for a substitute. */
  private readonly wantSubstitutes = signal(false);
  protected readonly substitutes = rxResource({
    params: () => (this.wantSubstitutes() ? this.state.meetingId() || undefined : undefined),
    stream: ({ params }) => this.api.substitutes(params),
  });
  /** The list without those already in the attendance. */
  protected readonly substituteChoices = computed(() => {
    const taken = new Set(this.state.minutes()?.attendees.map((a) => a.personId) ?? []);
    return (this.substitutes.hasValue() ? this.substitutes.value() : []).filter(
      (s) => !taken.has(s.personId),
    );
  });
  protected readonly members = computed(() =>
    (this.state.minutes()?.attendees ?? []).filter(
      (a) => a.role === 'member' && a.personId !== null,
    ),
  );
  protected readonly items = computed(() => this.state.minutes()?.items ?? []);

  open(role: AddedRole): void {
    this.role.set(role);
    for (const field of [this.personId, this.meetsFor, this.onlyItem, this.name, this.title])
      field.set('');
    this.problems.clear();
    if (role === 'substitute') this.wantSubstitutes.set(true);
    this.dialog().open();
  }

  protected save(event: Event): void {
    event.preventDefault();
    const role = this.role();
    const missing: FormProblem[] =
      role === 'substitute'
        ? [
            ...(this.personId()
              ? []
              : [{ field: FIELDS.personId, messageKey: 'minutes.attendance.substituteRequired' }]),
            ...(this.meetsFor()
              ? []
              : [
                  {
                    field: FIELDS.meetsForPersonId,
                    messageKey: 'minutes.attendance.meetsForRequired',
                  },
                ]),
          ]
        : this.name().trim()
          ? []
          : [{ field: FIELDS.name, messageKey: 'minutes.attendance.nameRequired' }];
    if (missing.length > 0) {
      this.problems.set(missing);
      return;
    }
    const input: AttendeeInput =
      role === 'substitute'
        ? {
            role,
            personId: this.personId(),
            name: '',
            title: '',
            meetsForPersonId: this.meetsFor(),
            onlyItemId: this.onlyItem() || null,
          }
        : {
            role,
            personId: null,
            name: this.name().trim(),
            title: this.title().trim(),
            meetsForPersonId: null,
            onlyItemId: null,
          };
    void this.state
      .save((api, meetingId) => api.addAttendee(meetingId, input), {
        problems: this.problems,
        fieldIds: FIELDS,
        doneKey: 'minutes.attendance.added',
      })
      .then((saved) => {
        if (saved) this.dialog().close();
      });
  }
}
