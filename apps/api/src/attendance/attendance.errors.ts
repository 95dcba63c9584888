import { DomainError } from '../common/errors/domain-error.js';

export class AbsenceNotFoundError extends DomainError {
  constructor() {
    super('ABSENCE_NOT_FOUND', 'Fant ikke forfallet.', 404);
  }
}

export class AbsenceExistsError extends DomainError {
  constructor(message = 'Forfall er allerede meldt for dette møtet eller denne saken.') {
    super('ABSENCE_EXISTS', message, 409);
  }
}

export class NotAMemberError extends DomainError {
  constructor(message = 'Personen er ikke medlem av organet på møtedagen.') {
    super('NOT_A_MEMBER', message, 403);
  }
}

export class MeetingAlreadyHeldError extends DomainError {
  constructor(message = 'Møtet er allerede holdt eller har begynt.') {
    super('MEETING_ALREADY_HELD', message, 409);
  }
}

export class MeetingNotPublishedError extends DomainError {
  constructor() {
    super('MEETING_NOT_PUBLISHED', 'Møtet er ikke kunngjort ennå; varamedlemmer kalles inn etter at innkallingen er sendt.', 409);
  }
}

export class SummonsNotFoundError extends DomainError {
  constructor() {
    super('SUMMONS_NOT_FOUND', 'Lenken er ugyldig eller ikke lenger i bruk.', 404);
  }
}

export class SummonsAlreadyAnsweredError extends DomainError {
  constructor() {
    super('SUMMONS_ALREADY_ANSWERED', 'Innkallingen er allerede besvart eller trukket tilbake.', 409);
  }
}

export class SummonsExpiredError extends DomainError {
  constructor() {
    super('SUMMONS_EXPIRED', 'Svarfristen er ute. Neste varamedlem er spurt.', 410);
  }
}

export class SubstituteAlreadyCalledInError extends DomainError {
  constructor() {
    super('SUBSTITUTE_ALREADY_CALLED_IN', 'Du har allerede takket ja til å møte i dette møtet.', 409);
  }
}

export class AbsenceLinkNotFoundError extends DomainError {
  constructor() {
    super('ABSENCE_LINK_NOT_FOUND', 'Lenken er ugyldig.', 404);
  }
}

export class AgendaItemNotInMeetingError extends DomainError {
  constructor() {
    super('AGENDA_ITEM_NOT_IN_MEETING', 'Saken står ikke på sakslisten til dette møtet.', 400, [{ path: 'agendaItemId', message: 'Ikke på sakslisten.' }]);
  }
}
