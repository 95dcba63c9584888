import { ApiError } from '../core/api/api-error';
import { numberFormat } from '../core/i18n/locale-format';

/** Short names of the accepted content types, as people know them. */
const TYPE_LABELS: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
};

const EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['.pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.oasis.opendocument.text': ['.odt'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
};

export function typeLabel(contentType: string): string {
  return TYPE_LABELS[contentType] ?? contentType;
}

/** The file input's `accept`: extensions and types, so the picker offers the right files. */
export function acceptAttribute(types: readonly string[]): string {
  return types.flatMap((type) => [...(EXTENSIONS[type] ?? []), type]).join(',');
}

/** "1,2 MB", "340 kB", "12 byte" in Norwegian notation (the same in nb, nn and en here). */
export function formatSize(bytes: number, locale = 'nb-NO'): string {
  const number = (value: number, digits: number) =>
    numberFormat(locale, { maximumFractionDigits: digits }).format(value);
  if (bytes >= 1024 * 1024) return `${number(bytes / (1024 * 1024), 1)} MB`;
  if (bytes >= 1024) return `${number(Math.round(bytes / 1024), 0)} kB`;
  return `${number(bytes, 0)} byte`;
}

/** Whole or one-decimal megabytes for the stated limit. */
export function megabytes(bytes: number, locale = 'nb-NO'): string {
  return numberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024));
}

/** The API's refusals of an upload say exactly what was wrong (type found, limit): show them as they are. */
const UPLOAD_CODES = new Set([
  'DOCUMENT_TYPE_NOT_ALLOWED',
  'DOCUMENT_TOO_LARGE',
  'DOCUMENT_EMPTY',
  'DOCUMENT_FILE_MISSING',
  'DOCUMENT_EXEMPT_NEEDS_GROUND',
  'UNKNOWN_LEGAL_GROUND',
  'DOCUMENT_PUBLISHED',
  'DOCUMENT_ONE_FILE',
  'VALIDATION_FAILED',
  'SEARCH_INVALID',
]);

/** A refusal to show: the API's Norwegian text when it is specific, else a translation key. */
export type Refusal = { readonly text: string } | { readonly key: string };

export function refusalFrom(error: unknown): Refusal {
  if (error instanceof ApiError && UPLOAD_CODES.has(error.code)) {
    const detail = error.fields.map((field) => field.message).join(' ');
    return {
      text:
        error.code === 'VALIDATION_FAILED' || error.code === 'SEARCH_INVALID'
          ? detail || error.message
          : error.message,
    };
  }
  if (error instanceof ApiError && error.status === 403)
    return { key: 'documents.errors.forbidden' };
  if (error instanceof ApiError && error.status === 0) return { key: 'documents.errors.network' };
  return { key: 'documents.errors.unexpected' };
}
