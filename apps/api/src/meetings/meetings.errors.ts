import { DomainError } from '../common/errors/domain-error.js';

export class MeetingNotFoundError extends DomainError {
  constructor() {
    super('MEETING_NOT_FOUND', 'Fant ikke møtet.', 404);
  }
}

export { CaseNotFoundError } from '../cases/cases.errors.js';

export class AgendaItemNotFoundError extends DomainError {
  constructor() {
    super('AGENDA_ITEM_NOT_FOUND', 'Fant ikke saken på sakslisten.', 404);
  }
}

/** A changed notice goes only after the first one and before the meeting is held. */
export class MeetingNotPublishedError extends DomainError {
  constructor() {
    super('MEETING_NOT_PUBLISHED', 'Innkallingen er ikke sendt ennå; publiser møtet først.', 409);
  }
}

export class MeetingAlreadyHeldError extends DomainError {
  constructor() {
    super('MEETING_ALREADY_HELD', 'Møtet er allerede holdt; endret innkalling kan ikke sendes.', 409);
  }
}

/** A cancelled meeting (avlyst) is not noticed, held, recorded or changed. */
export class MeetingCancelledError extends DomainError {
  constructor() {
    super('MEETING_CANCELLED', 'Møtet er avlyst og kan ikke endres, kunngjøres eller holdes.', 409);
  }
}

export function assertNotCancelled(meeting: { cancelledAt: Date | null }): void {
  if (meeting.cancelledAt) throw new MeetingCancelledError();
}
