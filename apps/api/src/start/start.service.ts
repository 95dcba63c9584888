import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { MeetingStatus, SecretariatStart, StartMeetingTask } from '@sekretariat/contracts';

/** How far ahead the start page looks for meetings to notice. */
const AHEAD_DAYS = 60;
const LIMIT = 20;

const TASK_BY_STATUS: Partial<Record<MeetingStatus, StartMeetingTask>> = {
  planned: 'notice_due',
  notice_sent: 'notice_sent',
  held: 'minutes_due',
};

/**
 * The secretariat's start page: what is due now. Row-level security keeps every query to the
 * caller's municipality.
 */
@Injectable()
export class StartService {
  constructor(@Inject(EntityManager) private readonly em: EntityManager) {}

  async secretariat(now: Date): Promise<SecretariatStart> {
    const until = new Date(now.getTime() + AHEAD_DAYS * 86_400_000);
    const [meetings, cases, substitutes] = await Promise.all([
      // Meetings to notice or noticed (not yet over), and held meetings whose protocol is not approved.
      this.em.execute<{ id: string; body_name: string; starts_at: Date; status: MeetingStatus; item_count: number }[]>(
        `select m.id, b.name as body_name, m.starts_at, m.status,
                (select count(*)::int from agenda_item a where a.meeting_id = m.id) as item_count
           from meeting m join body b on b.id = m.body_id
          where m.cancelled_at is null
            and ((m.status in ('planned', 'notice_sent') and coalesce(m.ends_at, m.starts_at) >= ? and m.starts_at < ?)
                 or m.status = 'held')
          order by m.starts_at, m.id limit ?`,
        [now, until, LIMIT],
      ),
      // Cases on no agenda yet.
      this.em.execute<{ id: string; archive_reference: string; title: string; public: boolean }[]>(
        `select c.id, c.archive_reference, c.title, c.public from political_case c
          where not exists (select 1 from agenda_item a where a.case_id = c.id)
          order by c.created_at desc, c.id limit ?`,
        [LIMIT],
      ),
      this.em.execute<{ id: string; meeting_id: string; body_name: string; starts_at: Date; given_name: string; family_name: string; deadline: Date }[]>(
        `select s.id, s.meeting_id, b.name as body_name, m.starts_at, p.given_name, p.family_name, s.deadline
           from substitute_summons s join meeting m on m.id = s.meeting_id join body b on b.id = m.body_id
           join person p on p.id = s.person_id
          where s.status = 'pending' and m.cancelled_at is null and coalesce(m.ends_at, m.starts_at) >= ?
          order by m.starts_at, s.deadline, s.id limit ?`,
        [now, LIMIT],
      ),
    ]);
    return {
      meetings: meetings.map((m) => ({
        id: m.id,
        bodyName: m.body_name,
        startsAt: new Date(m.starts_at).toISOString(),
        status: m.status,
        task: TASK_BY_STATUS[m.status] ?? 'notice_due',
        itemCount: Number(m.item_count),
      })),
      casesWaiting: cases.map((c) => ({ id: c.id, archiveReference: c.archive_reference, title: c.title, public: c.public })),
      pendingSubstitutes: substitutes.map((s) => ({
        summonsId: s.id,
        meetingId: s.meeting_id,
        bodyName: s.body_name,
        startsAt: new Date(s.starts_at).toISOString(),
        name: `${s.given_name} ${s.family_name}`,
        deadline: new Date(s.deadline).toISOString(),
      })),
    };
  }
}
