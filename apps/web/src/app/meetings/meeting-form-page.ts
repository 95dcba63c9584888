import {
  ChangeDetectionStrategy,
  Component,
  type OnInit,
  computed,
  effect,
  PendingTasks,
  inject,
  input,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { ErrorSummary } from '../shared/error-summary';
import { FlashMessage } from '../shared/flash-message';
import { FormProblems, problemsFromError } from '../shared/form-problems';
import { LoadState } from '../shared/load-state';
import { FieldError } from '../shared/field-error';
import { FormField } from '../shared/form-field';
import { FormActions } from '../shared/form-actions';
import { MEETING_FIELD_IDS, meetingFormProblems, toMeetingInput } from './meeting-form';
import { MeetingsApi } from './meetings-api';
import { localParts } from './meeting-time';

/** Secretariat: plan a meeting of a body (`/moter/nytt?organ=<bodyId>`). */
@Component({
  selector: 'app-meeting-form-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    ErrorSummary,
    FieldError,
    FormField,
    FormActions,
    LoadState,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './meeting-form-page.html',
  styleUrl: './meetings.css',
})
export class MeetingFormPage implements OnInit {
  private readonly api = inject(MeetingsApi);
  private readonly router = inject(Router);
  private readonly flash = inject(FlashMessage);
  private readonly pendingTasks = inject(PendingTasks);

  /** Query parameter `organ`: the body chosen beforehand. */
  readonly organ = input<string>();
  /** Route parameter `:id` when changing a meeting (`/moter/:id/rediger`). */
  readonly id = input<string>();
  protected readonly editing = computed(() => !!this.id());
  protected readonly existing = rxResource({
    params: () => this.id(),
    stream: ({ params: id }) => this.api.detail(id),
  });

  protected readonly problems = new FormProblems();
  protected readonly saving = signal(false);
  protected readonly bodies = rxResource({ stream: () => this.api.bodies() });

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    bodyId: '',
    date: '',
    start: '18:00',
    end: '',
    place: '',
    remote: false,
    videoUrl: '',
  });

  constructor() {
    effect(() => {
      if (!this.existing.hasValue()) return;
      const meeting = this.existing.value();
      const start = localParts(meeting.startsAt);
      this.form.reset({
        bodyId: meeting.bodyId,
        date: start.date,
        start: start.time,
        end: meeting.endsAt ? localParts(meeting.endsAt).time : '',
        place: meeting.place,
        remote: meeting.remote,
        videoUrl: meeting.videoUrl ?? '',
      });
      // A meeting stays with its body.
      this.form.controls.bodyId.disable();
    });
  }

  ngOnInit(): void {
    const organ = this.organ();
    if (organ && !this.id()) this.form.controls.bodyId.setValue(organ);
  }

  protected submit(): void {
    this.pendingTasks.run(() => this.save());
  }

  private async save(): Promise<void> {
    if (this.saving()) return;
    const value = this.form.getRawValue();
    const problems = meetingFormProblems(value);
    this.problems.set(problems);
    if (problems.length > 0) return;
    this.saving.set(true);
    try {
      const id = this.id();
      const meeting = await firstValueFrom(
        id
          ? this.api.update(id, toMeetingInput(value))
          : this.api.create(value.bodyId, toMeetingInput(value)),
      );
      this.flash.set({
        messageKey: id ? 'meetings.form.updated' : 'meetings.form.created',
        params: { body: meeting.bodyName },
      });
      // The members were told the old time and place: the meeting page reminds to tell them again.
      const told = !!id && meeting.status === 'notice_sent' && this.form.dirty;
      await this.router.navigateByUrl(`/moter/${meeting.id}${told ? '?endret=1' : ''}`);
    } catch (error) {
      this.problems.set(problemsFromError(error, MEETING_FIELD_IDS));
    } finally {
      this.saving.set(false);
    }
  }
}
