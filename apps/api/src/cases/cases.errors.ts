import { DomainError } from '../common/errors/domain-error.js';

export class CaseNotFoundError extends DomainError {
  constructor() {
    super('CASE_NOT_FOUND', 'Fant ikke saken.', 404);
  }
}
