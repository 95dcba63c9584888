import type { VisitMarkInput, VisitMarkResult } from '@sekretariat/contracts';
import { MarkNetworkError, MarkOutbox, MarkRefused, MemoryMarkStore } from './mark-outbox';

const mark = (clientId: string, stopId = 's1'): VisitMarkInput => ({
  clientId,
  stopId,
  outcome: 'voted',
  markedAt: '2027-09-03T10:00:00+02:00',
  identityDoubt: false,
  envelopeSerial: null,
});
const result = (input: VisitMarkInput, replayed = false): VisitMarkResult => ({
  clientId: input.clientId,
  stopId: input.stopId,
  outcome: input.outcome,
  voteId: null,
  voteStatus: 'approved',
  message: 'ok',
  replayed,
});

describe('MarkOutbox', () => {
  let clock = 0;
  const outbox = () => new MarkOutbox(new MemoryMarkStore(), () => new Date(Date.UTC(2027, 8, 3, 8, 0, clock++)));

  it('sends queued marks in the order made and forgets them once sent', async () => {
    const box = outbox();
    await box.enqueue('u', 'r', mark('b'));
    await box.enqueue('u', 'r', mark('a', 's2'));
    const sent: string[] = [];
    const report = await box.replay('u', (_route, input) => {
      sent.push(input.clientId);
      return Promise.resolve(result(input));
    });
    expect(sent).toEqual(['b', 'a']);
    expect(report).toMatchObject({ offline: false });
    expect(await box.pending('u')).toEqual([]);
  });

  it('keeps everything from the first network failure, to send the same marks again later', async () => {
    const box = outbox();
    await box.enqueue('u', 'r', mark('a'));
    await box.enqueue('u', 'r', mark('b', 's2'));
    let calls = 0;
    const report = await box.replay('u', (_route, input) => {
      calls++;
      if (calls === 2) return Promise.reject(new MarkNetworkError('offline'));
      return Promise.resolve(result(input));
    });
    expect(report.offline).toBe(true);
    expect((await box.pending('u')).map((m) => m.input.clientId)).toEqual(['b']);
    // The same client id goes again: the server answers it as a replay.
    const again = await box.replay('u', (_route, input) => Promise.resolve(result(input, true)));
    expect(again.sent.map((r) => [r.clientId, r.replayed])).toEqual([['b', true]]);
  });

  it('drops a mark the server refuses for good and says so', async () => {
    const box = outbox();
    await box.enqueue('u', 'r', mark('a'));
    const report = await box.replay('u', () => Promise.reject(new MarkRefused('OUTREACH_STOP_ALREADY_MARKED', 'Besøket er allerede registrert.')));
    expect(report.refused).toEqual([{ input: mark('a'), code: 'OUTREACH_STOP_ALREADY_MARKED', message: 'Besøket er allerede registrert.' }]);
    expect(await box.pending('u')).toEqual([]);
  });

  it('keeps users apart', async () => {
    const box = outbox();
    await box.enqueue('u', 'r', mark('a'));
    await box.enqueue('v', 'r', mark('b'));
    expect((await box.pending('v')).map((m) => m.input.clientId)).toEqual(['b']);
  });
});
