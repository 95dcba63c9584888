/** Codes for errors raised by the HTTP layer itself, before any domain code runs. */
export const HTTP_ERROR_CODES: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'MALFORMED_JSON', message: 'Forespørselen er ikke gyldig JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'MALFORMED_JSON', message: 'Forespørselen mangler innhold.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', message: 'Forespørselen er for stor.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Innholdstypen støttes ikke. Send JSON (application/json).',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'BAD_REQUEST', message: 'Feil lengde på forespørselen.' },
};

export const STATUS_CODES: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_REQUEST', message: 'Forespørselen kan ikke behandles.' },
  401: { code: 'UNAUTHENTICATED', message: 'Du må logge inn for å se dette.' },
  403: { code: 'FORBIDDEN', message: 'Du har ikke tilgang til dette.' },
  404: { code: 'NOT_FOUND', message: 'Fant ikke det du lette etter.' },
  405: { code: 'METHOD_NOT_ALLOWED', message: 'Metoden er ikke tillatt her.' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'Forespørselen er for stor.' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Innholdstypen støttes ikke.' },
  429: { code: 'RATE_LIMITED', message: 'For mange forsøk. Vent litt og prøv igjen.' },
};
