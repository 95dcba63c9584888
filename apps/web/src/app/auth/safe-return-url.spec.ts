import { DEFAULT_AFTER_LOGIN, safeReturnUrl } from './safe-return-url';

describe('safeReturnUrl', () => {
  it('follows paths inside the app', () => {
    expect(safeReturnUrl('/organer/123?fane=medlemmer')).toBe('/organer/123?fane=medlemmer');
  });

  it.each([
    undefined,
    null,
    '',
    'https://evil.example',
    '//evil.example',
    '/\\evil.example',
    'organer',
    '/logg-inn',
  ])('goes to the default for %p', (candidate) => {
    expect(safeReturnUrl(candidate)).toBe(DEFAULT_AFTER_LOGIN);
  });
});
