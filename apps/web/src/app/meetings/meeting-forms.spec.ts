import type { AgendaItem, MeetingPlanEntry } from '@sekretariat/contracts';
import { toAgendaItemInput } from './add-item-dialog';
import { moveItem, sameOrder } from './agenda-order';
import { EMPTY_CASE, caseFormProblems, toCaseInput } from './case-form';
import { toClosedItemInput } from './closed-item-dialog';
import { formatVideoStart, parseVideoStart, toItemUpdate } from './item-edit-dialog';
import { meetingFormProblems, toMeetingInput } from './meeting-form';
import { nextStatus } from './meeting-page';
import { groupByMonth } from './meeting-plan-page';

const CASE_ID = '0d9f7c1e-2b3a-4c5d-8e6f-7a8b9c0d1e2f';

describe('meeting form → request', () => {
  const value = {
    bodyId: 'b',
    date: '2026-12-03',
    start: '18:00',
    end: '21:30',
    place: ' Kommunestyresalen ',
    remote: false,
    videoUrl: ' ',
  };

  it('sends Norwegian times as instants, trims the place and leaves out an empty video link', () => {
    expect(toMeetingInput(value)).toEqual({
      startsAt: '2026-12-03T17:00:00.000Z',
      endsAt: '2026-12-03T20:30:00.000Z',
      place: 'Kommunestyresalen',
      remote: false,
      videoUrl: null,
    });
  });

  it('has no end without an end time, and keeps a video link', () => {
    expect(
      toMeetingInput({ ...value, end: '', videoUrl: 'https://video.example/k' }),
    ).toMatchObject({ endsAt: null, videoUrl: 'https://video.example/k' });
  });

  it('asks for body, date and start before calling the API', () => {
    expect(
      meetingFormProblems({ ...value, bodyId: '', date: '', start: '' }).map((p) => p.field),
    ).toEqual(['meeting-body', 'meeting-date', 'meeting-start']);
    expect(meetingFormProblems(value)).toEqual([]);
  });
});

describe('case form → request', () => {
  const filled = { ...EMPTY_CASE, archiveReference: ' 26/17 ', title: ' Budsjett 2027 ' };

  it('trims and sends a public case without legal ground', () => {
    expect(toCaseInput({ ...filled, legalGround: 'offl14' })).toMatchObject({
      archiveReference: '26/17',
      title: 'Budsjett 2027',
      public: true,
      legalGround: null,
    });
  });

  it('requires a legal ground for an exempt case and sends it', () => {
    const exempt = { ...filled, access: 'exempt' as const };
    expect(caseFormProblems(exempt).map((p) => p.field)).toEqual(['case-legal-ground']);
    expect(toCaseInput({ ...exempt, legalGround: 'offl14' })).toMatchObject({
      public: false,
      legalGround: 'offl14',
    });
  });

  it('requires archive reference and title', () => {
    expect(caseFormProblems(EMPTY_CASE).map((p) => p.field)).toEqual([
      'case-archive-reference',
      'case-title',
    ]);
  });
});

describe('agenda items', () => {
  it('adds a case, or a titled item without one', () => {
    expect(toAgendaItemInput({ kind: 'case', type: 'PS', caseId: CASE_ID, title: 'x' })).toEqual({
      caseId: CASE_ID,
      type: 'PS',
      title: null,
      askerPersonId: null,
    });
    expect(
      toAgendaItemInput({ kind: 'other', type: 'OS', caseId: CASE_ID, title: ' Orientering ' }),
    ).toEqual({
      caseId: null,
      type: 'OS',
      title: 'Orientering',
      askerPersonId: null,
    });
    expect(
      toAgendaItemInput({
        kind: 'other',
        type: 'SP',
        caseId: null,
        title: 'Brøyting',
        askerPersonId: CASE_ID,
      }),
    ).toMatchObject({ type: 'SP', askerPersonId: CASE_ID });
    // Only questions and interpellations have an asker.
    expect(
      toAgendaItemInput({
        kind: 'other',
        type: 'OS',
        caseId: null,
        title: 'Orientering',
        askerPersonId: CASE_ID,
      }),
    ).toMatchObject({ askerPersonId: null });
    expect(toAgendaItemInput({ kind: 'case', type: 'PS', caseId: null, title: '' })).toEqual([
      { field: 'item-case-search', messageKey: 'meetings.addItem.caseRequired' },
    ]);
    expect(toAgendaItemInput({ kind: 'other', type: 'IP', caseId: null, title: ' ' })).toEqual([
      { field: 'item-title', messageKey: 'meetings.addItem.titleRequired' },
    ]);
  });

  it('closes with a legal ground and opens without one', () => {
    expect(toClosedItemInput(true, 'offl23-1')).toEqual({ closed: true, legalGround: 'offl23-1' });
    expect(toClosedItemInput(false, 'offl23-1')).toEqual({ closed: false, legalGround: null });
  });

  it('reads and writes video start times', () => {
    expect(parseVideoStart('1:05:30')).toBe(3930);
    expect(parseVideoStart('5:30')).toBe(330);
    expect(parseVideoStart('90')).toBe(90);
    expect(parseVideoStart('')).toBeNull();
    expect(parseVideoStart('ett minutt')).toBeNaN();
    expect(formatVideoStart(3930)).toBe('1:05:30');
    expect(formatVideoStart(null)).toBe('');
  });

  it('sends only what changed when editing an item', () => {
    const item = {
      id: CASE_ID,
      title: 'Orientering',
      case: null,
      recommendation: '',
      videoStartSeconds: null,
    } as unknown as AgendaItem;
    expect(
      toItemUpdate(item, {
        title: 'Orientering',
        recommendation: 'Tas til orientering.',
        videoStart: '',
      }),
    ).toEqual({ recommendation: 'Tas til orientering.' });
    expect(toItemUpdate(item, { title: 'Ny', recommendation: '', videoStart: '2:00' })).toEqual({
      title: 'Ny',
      videoStartSeconds: 120,
    });
    expect(toItemUpdate(item, { title: '', recommendation: '', videoStart: 'x' })).toEqual([
      { field: 'item-video-start', messageKey: 'meetings.itemEdit.videoStartInvalid' },
    ]);
  });

  it('moves an item within the bounds and tells whether the order changed', () => {
    const list = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(moveItem(list, 2, 0).map((i) => i.id)).toEqual(['c', 'a', 'b']);
    expect(moveItem(list, 0, -1)).toBe(list);
    expect(moveItem(list, 2, 9)).toBe(list);
    expect(sameOrder(list, moveItem(list, 0, 1))).toBe(false);
    expect(sameOrder(list, [...list])).toBe(true);
  });
});

describe('meeting plan and status', () => {
  it('groups meetings by Norwegian month, in time order', () => {
    const meeting = (id: string, startsAt: string) => ({ id, startsAt }) as MeetingPlanEntry;
    const groups = groupByMonth([
      meeting('b', '2026-02-10T17:00:00Z'),
      meeting('a', '2026-01-31T23:30:00Z'), // 1 February in Norway
      meeting('c', '2026-03-01T10:00:00Z'),
    ]);
    expect(groups.map((g) => [g.month, g.meetings.map((m) => m.id)])).toEqual([
      ['2026-02', ['a', 'b']],
      ['2026-03', ['c']],
    ]);
  });

  it('moves a meeting one step after the notice', () => {
    expect(nextStatus('planned')).toBeNull();
    expect(nextStatus('notice_sent')).toBe('held');
    expect(nextStatus('held')).toBeNull();
    expect(nextStatus('minutes_approved')).toBeNull();
  });
});
