import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Translation, TranslocoLoader } from '@jsverse/transloco';
import type { Observable } from 'rxjs';

/**
 * Loads `public/i18n/<lang>.json`, and for a Transloco scope (`elections/nb`)
 * `public/i18n/elections/nb.json`, relative to the document's base href. Each path
 * segment is encoded on its own so that the scope's slash stays a slash.
 */
@Injectable({ providedIn: 'root' })
export class TranslocoHttpLoader implements TranslocoLoader {
  private readonly http = inject(HttpClient);

  getTranslation(path: string): Observable<Translation> {
    const file = path.split('/').map(encodeURIComponent).join('/');
    return this.http.get<Translation>(`i18n/${file}.json`);
  }
}
