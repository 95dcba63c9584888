import { DEFAULT_AFTER_LOGIN } from '../../auth/safe-return-url';
import { LANDING_BY_ROLE, landingFor } from './landing';

describe('landingFor', () => {
  it('sends election staff to the counter', () => {
    expect(landingFor(['election_staff'])).toBe('/valg/skranke');
  });

  it('sends an elected official to Mine møter, a clerk who is also an official to the counter', () => {
    expect(landingFor(['official'])).toBe('/lesesal');
    expect(landingFor(['official', 'election_staff'])).toBe('/valg/skranke');
  });

  it('sends an admin to the default, even with the election staff role', () => {
    expect(landingFor(['admin'])).toBe(DEFAULT_AFTER_LOGIN);
    expect(landingFor(['admin', 'election_staff'])).toBe(DEFAULT_AFTER_LOGIN);
  });

  it('sends roles without a landing page of their own to the default', () => {
    expect(landingFor(['secretariat'])).toBe(DEFAULT_AFTER_LOGIN);
    expect(landingFor(['election_board'])).toBe(DEFAULT_AFTER_LOGIN);
    expect(landingFor(['public'])).toBe(DEFAULT_AFTER_LOGIN);
    expect(landingFor([])).toBe(DEFAULT_AFTER_LOGIN);
  });

  it('keeps the landing pages in a map per role, each a path inside the app', () => {
    expect(Object.keys(LANDING_BY_ROLE)).toEqual(['election_staff', 'official']);
    for (const path of Object.values(LANDING_BY_ROLE)) expect(path.startsWith('/')).toBe(true);
  });
});
