import { fileTypeFromBuffer } from 'file-type';
import { DomainError } from '../common/errors/domain-error.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ODT = 'application/vnd.oasis.opendocument.text';

/** What a case document may be, by its content; the extension and the upload's header count for nothing. */
export const ACCEPTED_TYPES: readonly string[] = ['application/pdf', DOCX, ODT, 'image/png', 'image/jpeg'];

/** Names for people, in refusals. */
const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  [DOCX]: 'Word (DOCX)',
  [ODT]: 'OpenDocument-tekst (ODT)',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
};

/** A sniffed document type and the extension to name downloads with. */
export interface SniffedType {
  mime: string;
  ext: string;
}

/**
 * The type of a document from its first bytes. file-type recognises DOCX inside the zip
 * container; anything not accepted (including text and executables, which it may not name) is
 * refused with what was detected.
 */
export async function sniffDocumentType(data: Buffer): Promise<SniffedType> {
  if (data.length === 0) throw new DomainError('DOCUMENT_EMPTY', 'Filen er tom.', 400);
  const detected = await fileTypeFromBuffer(data);
  if (detected && ACCEPTED_TYPES.includes(detected.mime)) return { mime: detected.mime, ext: detected.ext };
  const what = detected ? `${detected.mime} (.${detected.ext})` : 'ukjent type (for eksempel ren tekst)';
  throw new DomainError(
    'DOCUMENT_TYPE_NOT_ALLOWED',
    `Filtypen er ikke tillatt: filen er ${what}. Tillatt er ${ACCEPTED_TYPES.map((t) => TYPE_NAMES[t]).join(', ')}.`,
    415,
  );
}

export function tooLarge(maxBytes: number): DomainError {
  return new DomainError('DOCUMENT_TOO_LARGE', `Filen er for stor. Største tillatte størrelse er ${formatMegabytes(maxBytes)} MB.`, 413);
}

/** "50", "0,5": megabytes (MiB) in Norwegian notation. */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return (Math.round(mb * 10) / 10).toLocaleString('nb-NO', { maximumFractionDigits: 1 });
}
