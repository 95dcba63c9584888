import { ApiError } from '../core/api/api-error';
import { acceptAttribute, formatSize, megabytes, refusalFrom, typeLabel } from './document-format';

describe('document formatting', () => {
  it('names types and builds the accept attribute', () => {
    expect(typeLabel('application/pdf')).toBe('PDF');
    expect(typeLabel('image/jpeg')).toBe('JPEG');
    expect(acceptAttribute(['application/pdf', 'image/jpeg'])).toBe(
      '.pdf,application/pdf,.jpg,.jpeg,image/jpeg',
    );
  });

  it('states sizes in Norwegian notation', () => {
    expect(formatSize(1_572_864)).toBe('1,5 MB');
    expect(formatSize(348_160)).toBe('340 kB');
    expect(formatSize(12)).toBe('12 byte');
    expect(megabytes(50 * 1024 * 1024)).toBe('50');
  });

  it("shows the API's specific refusal as it is, and a translated text otherwise", () => {
    const type = new ApiError(
      415,
      'DOCUMENT_TYPE_NOT_ALLOWED',
      'Filtypen er ikke tillatt: filen er application/x-msdownload (.exe).',
    );
    expect(refusalFrom(type)).toEqual({
      text: 'Filtypen er ikke tillatt: filen er application/x-msdownload (.exe).',
    });
    const search = new ApiError(400, 'SEARCH_INVALID', 'Noen felt er ikke riktig utfylt.', [
      { path: 'q', message: 'Skriv inn noe å søke etter.' },
    ]);
    expect(refusalFrom(search)).toEqual({ text: 'Skriv inn noe å søke etter.' });
    expect(refusalFrom(new ApiError(403, 'FORBIDDEN', 'Nei'))).toEqual({
      key: 'documents.errors.forbidden',
    });
    expect(refusalFrom(new Error('boom'))).toEqual({ key: 'documents.errors.unexpected' });
  });
});
