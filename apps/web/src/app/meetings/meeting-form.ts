import type { MeetingInput } from '@sekretariat/contracts';
import type { FormProblem } from '../shared/form-problems';
import { toInstant } from './meeting-time';

/** The meeting form's values as the inputs hold them. */
export interface MeetingFormValue {
  readonly bodyId: string;
  readonly date: string;
  readonly start: string;
  readonly end: string;
  readonly place: string;
  readonly remote: boolean;
  readonly videoUrl: string;
}

/** The API's field paths and the ids of the inputs they belong to. */
export const MEETING_FIELD_IDS: Readonly<Record<string, string>> = {
  bodyId: 'meeting-body',
  startsAt: 'meeting-start',
  endsAt: 'meeting-end',
  place: 'meeting-place',
  remote: 'meeting-remote',
  videoUrl: 'meeting-video',
};

/** What the browser can tell before asking the API; the API checks the rest (end after start, place or remote, https). */
export function meetingFormProblems(value: MeetingFormValue): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!value.bodyId)
    problems.push({ field: 'meeting-body', messageKey: 'meetings.form.bodyRequired' });
  if (!value.date)
    problems.push({ field: 'meeting-date', messageKey: 'meetings.form.dateRequired' });
  if (!value.start)
    problems.push({ field: 'meeting-start', messageKey: 'meetings.form.startRequired' });
  return problems;
}

/** The request: Norwegian date and times as instants, empty texts as null where the API wants null. */
export function toMeetingInput(value: MeetingFormValue): MeetingInput {
  return {
    startsAt: toInstant(value.date, value.start),
    endsAt: value.end ? toInstant(value.date, value.end) : null,
    place: value.place.trim(),
    remote: value.remote,
    videoUrl: value.videoUrl.trim() || null,
  };
}
