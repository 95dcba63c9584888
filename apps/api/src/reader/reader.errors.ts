import { DomainError } from '../common/errors/domain-error.js';

export class ReaderMeetingNotFoundError extends DomainError {
  constructor() {
    super('READER_MEETING_NOT_FOUND', 'Fant ikke møtet.', 404);
  }
}

/** The meeting exists, but the official neither sits in the body nor is called in to it. */
export class ReaderNoAccessError extends DomainError {
  constructor() {
    super('READER_NO_ACCESS', 'Du har ikke tilgang til sakspapirene for dette møtet.', 403);
  }
}

export class ReaderPaperNotFoundError extends DomainError {
  constructor() {
    super('READER_PAPER_NOT_FOUND', 'Fant ikke saken eller dokumentet.', 404);
  }
}

/** An exempt paper the caller may not read (offentleglova); they see only a placeholder. */
export class ReaderPaperWithheldError extends DomainError {
  constructor() {
    super('READER_PAPER_WITHHELD', 'Dokumentet er unntatt offentlighet.', 403);
  }
}

export class AnnotationNotFoundError extends DomainError {
  constructor() {
    super('ANNOTATION_NOT_FOUND', 'Fant ikke notatet.', 404);
  }
}

export class AnnotationTargetFixedError extends DomainError {
  constructor() {
    super('ANNOTATION_TARGET_FIXED', 'Et notat kan ikke flyttes til et annet dokument eller en annen sak.', 400);
  }
}

export const ANNOTATION_CONFLICT_MESSAGE = 'Notatet er endret et annet sted. Begge versjonene er tatt vare på.';
