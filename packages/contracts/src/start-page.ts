import { z } from 'zod';
import { MeetingStatus } from './meetings.js';

/** What the secretariat does next about a meeting (its start page). */
export const START_MEETING_TASKS = ['notice_due', 'notice_sent', 'minutes_due'] as const;
export const StartMeetingTask = z.enum(START_MEETING_TASKS);
export type StartMeetingTask = z.infer<typeof StartMeetingTask>;

export const StartMeeting = z.object({
  id: z.string().uuid(),
  bodyName: z.string(),
  startsAt: z.string(),
  status: MeetingStatus,
  task: StartMeetingTask,
  itemCount: z.number().int(),
});
export type StartMeeting = z.infer<typeof StartMeeting>;

export const StartCase = z.object({
  id: z.string().uuid(),
  archiveReference: z.string(),
  title: z.string(),
  public: z.boolean(),
});
export type StartCase = z.infer<typeof StartCase>;

/** A substitute asked to come who has not answered yet. */
export const StartPendingSubstitute = z.object({
  summonsId: z.string().uuid(),
  meetingId: z.string().uuid(),
  bodyName: z.string(),
  startsAt: z.string(),
  name: z.string(),
  deadline: z.string(),
});
export type StartPendingSubstitute = z.infer<typeof StartPendingSubstitute>;

/**
 * GET /api/start/secretariat: the next meetings with what is due (notice to send, notice sent,
 * protocol to write), the cases not yet on any agenda, and the substitutes who have not answered.
 */
export const SecretariatStart = z.object({
  meetings: z.array(StartMeeting),
  casesWaiting: z.array(StartCase),
  pendingSubstitutes: z.array(StartPendingSubstitute),
});
export type SecretariatStart = z.infer<typeof SecretariatStart>;
