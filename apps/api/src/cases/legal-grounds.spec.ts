import { describe, expect, it } from '@jest/globals';
import { closedSession, LEGAL_GROUNDS } from './legal-grounds.js';

describe('legal grounds for closed items (koml. §§ 11-5, 11-7)', () => {
  it('has unique codes', () => {
    expect(new Set(LEGAL_GROUNDS.map((g) => g.code)).size).toBe(LEGAL_GROUNDS.length);
  });

  it('a duty of confidentiality forces a closed meeting, which cannot be remote', () => {
    expect(closedSession(['offl13-fvl13'])).toEqual({
      mustClose: true,
      mayClose: true,
      remoteAllowed: false,
      citations: ['offl. § 13 jf. fvl. § 13 første ledd nr. 1'],
    });
  });

  it('a negotiating position allows closing, and a remote meeting', () => {
    expect(closedSession(['offl23-1'])).toMatchObject({ mustClose: false, mayClose: true, remoteAllowed: true });
  });

  it('no ground: open', () => {
    expect(closedSession([])).toEqual({ mustClose: false, mayClose: false, remoteAllowed: true, citations: [] });
  });

  it('refuses an unknown ground', () => {
    expect(() => closedSession(['x'])).toThrow(RangeError);
  });
});
