import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  MunicipalitySettings,
  MunicipalitySettingsInput,
  NoticeTimeliness,
} from '@sekretariat/contracts';
import type { Observable } from 'rxjs';
import { ApiClient, apiUrl } from '../core/api/api-client';

/** The municipality's settings (its reglement), and a meeting's notice against them. */
@Injectable({ providedIn: 'root' })
export class SettingsApi {
  private readonly api = inject(ApiClient);
  private readonly http = inject(HttpClient);

  get(): Observable<MunicipalitySettings> {
    return this.api.get<MunicipalitySettings>('municipality', 'settings');
  }

  save(input: MunicipalitySettingsInput): Observable<MunicipalitySettings> {
    return this.api.put<MunicipalitySettings>(['municipality', 'settings'], input);
  }

  /** multipart/form-data: the browser sets the boundary; the API checks the PNG's bytes. */
  uploadCoatOfArms(file: File): Observable<MunicipalitySettings> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.put<MunicipalitySettings>(
      apiUrl('municipality', 'settings', 'coat-of-arms'),
      form,
    );
  }

  removeCoatOfArms(): Observable<MunicipalitySettings> {
    return this.http.delete<MunicipalitySettings>(
      apiUrl('municipality', 'settings', 'coat-of-arms'),
    );
  }

  noticeTimeliness(meetingId: string): Observable<NoticeTimeliness> {
    return this.api.get<NoticeTimeliness>('meetings', meetingId, 'notice-timeliness');
  }
}
