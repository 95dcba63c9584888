import { DomainError } from '../common/errors/domain-error.js';

export class MeetingNotFoundError extends DomainError {
  constructor() {
    super('MEETING_NOT_FOUND', 'Fant ikke møtet.', 404);
  }
}

export class CaseNotFoundError extends DomainError {
  constructor() {
    super('CASE_NOT_FOUND', 'Fant ikke saken.', 404);
  }
}

export class AgendaItemNotFoundError extends DomainError {
  constructor() {
    super('AGENDA_ITEM_NOT_FOUND', 'Fant ikke saken på sakslisten.', 404);
  }
}
