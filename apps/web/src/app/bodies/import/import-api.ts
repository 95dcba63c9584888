import { Injectable, inject } from '@angular/core';
import type { ImportReport } from '@sekretariat/contracts';
import type { Observable } from 'rxjs';
import { ApiClient } from '../../core/api/api-client';

/** The columns of the import file, in the documented order (docs/import-format.md); `key` names their texts. */
export const IMPORT_COLUMNS = [
  { name: 'organ', key: 'organ' },
  { name: 'medlemstype', key: 'medlemstype' },
  { name: 'varanr', key: 'varanr' },
  { name: 'fornavn', key: 'fornavn' },
  { name: 'etternavn', key: 'etternavn' },
  { name: 'kjønn', key: 'kjonn' },
  { name: 'parti', key: 'parti' },
  { name: 'rolle', key: 'rolle' },
  { name: 'fra', key: 'fra' },
  { name: 'til', key: 'til' },
  { name: 'epost', key: 'epost' },
  { name: 'telefon', key: 'telefon' },
] as const;

export const IMPORT_HEADER = IMPORT_COLUMNS.map((column) => column.name).join(';');

/** Editors: members and substitutes from a CSV file (POST /api/register/import). */
@Injectable({ providedIn: 'root' })
export class ImportApi {
  private readonly api = inject(ApiClient);

  /**
   * Sends the file's bytes as they are: the server tells UTF-8 from Windows-1252 (as Excel
   * saves "CSV (semikolonseparert)"), which the browser could not do reliably.
   */
  run(file: Blob, dryRun: boolean): Observable<ImportReport> {
    return this.api.postFile<ImportReport>(['register', 'import'], file, 'text/csv', {
      dryRun,
    });
  }
}
