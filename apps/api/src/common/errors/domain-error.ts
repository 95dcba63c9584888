/**
 * An error a person can act on. `code` is stable (programs key on it), `message` is Norwegian
 * bokmål for people, `status` the HTTP status the exception filter answers with.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = 400,
    readonly fields?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super('NOT_FOUND', `Fant ikke ${what}.`, 404);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'Du har ikke tilgang til dette.') {
    super('FORBIDDEN', message, 403);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Du må logge inn for å se dette.') {
    super('UNAUTHENTICATED', message, 401);
  }
}
