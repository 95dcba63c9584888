import type { CaseDocument } from '@sekretariat/contracts';
import { legalGround } from '../cases/legal-grounds.js';
import type { Document } from './document.entity.js';

export function toCaseDocument(document: Document): CaseDocument {
  return {
    id: document.id,
    caseId: document.case.id,
    title: document.title,
    filename: document.filename,
    contentType: document.contentType,
    size: document.size,
    public: document.public,
    legalGround: document.legalGround,
    citation: document.legalGround ? (legalGround(document.legalGround)?.citation ?? null) : null,
    position: document.position,
    textStatus: document.textStatus,
    createdAt: document.createdAt.toISOString(),
  };
}
