import { describe, expect, it } from '@jest/globals';
import { cancellationMail } from './cancellation-mail.js';

describe('the cancellation e-mail', () => {
  const meeting = { bodyName: 'Formannskapet', startsAt: new Date('2027-03-10T17:00:00Z'), reason: 'For få saker.' };

  it('says which meeting is cancelled and why, in bokmål', () => {
    const mail = cancellationMail('nb', meeting);
    expect(mail.subject).toBe('Avlyst møte – Formannskapet 10.03.2027');
    expect(mail.text).toContain('Møtet i Formannskapet 10.03.2027 kl. 18:00 er avlyst.');
    expect(mail.text).toContain('Begrunnelse:\nFor få saker.');
  });

  it('in nynorsk for a nynorsk municipality', () => {
    const mail = cancellationMail('nn', meeting);
    expect(mail.text).toContain('Grunngjeving:\nFor få saker.');
    expect(mail.text).toContain('Du treng ikkje melde forfall.');
  });
});
