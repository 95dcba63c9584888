import { ApiError, errorMessageKey } from './api-error';

describe('ApiError', () => {
  it('keeps the code, message and fields of an ErrorResponse', () => {
    const error = ApiError.fromResponse(400, {
      code: 'VALIDATION_FAILED',
      message: 'Ugyldig.',
      fields: [{ path: 'username', message: 'Brukernavn mangler.' }],
    });
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: 'Ugyldig.' });
    expect(error.fields).toEqual([{ path: 'username', message: 'Brukernavn mangler.' }]);
  });

  it('names network failures and bodies that are not ErrorResponses', () => {
    expect(ApiError.fromResponse(0, null).code).toBe('NETWORK_ERROR');
    expect(ApiError.fromResponse(502, '<html>Bad gateway</html>').code).toBe('UNEXPECTED_RESPONSE');
  });
});

describe('errorMessageKey', () => {
  it.each([
    [new ApiError(401, 'AUTH_INVALID_CREDENTIALS', ''), 'errors.invalidCredentials'],
    [new ApiError(429, 'RATE_LIMITED', ''), 'errors.rateLimited'],
    [new ApiError(400, 'INVALID_TEXT', ''), 'errors.invalidText'],
    [new ApiError(0, 'NETWORK_ERROR', ''), 'errors.network'],
    [new ApiError(404, 'BODY_NOT_FOUND', ''), 'errors.notFound'],
    [new ApiError(403, 'FORBIDDEN', ''), 'errors.forbidden'],
    [new ApiError(400, 'SOMETHING_NEW', ''), 'errors.validation'],
    [new ApiError(503, 'UNAVAILABLE', ''), 'errors.server'],
    [new Error('boom'), 'errors.unknown'],
  ])('maps %p to %s', (error, key) => {
    expect(errorMessageKey(error)).toBe(key);
  });
});
