import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../../core/i18n/language.service';
import { IsoDatePipe } from '../../shared/iso-date.pipe';
import { LoadState } from '../../shared/load-state';
import { ScrollRegion } from '../../shared/scroll-region';
import { ElectionsApi } from '../elections-api';
import { NewElectionForm } from './new-election-form';

/** Organisers: the elections with their voting periods and roll size, and a new election. */
@Component({
  selector: 'app-election-list-page',
  imports: [RouterLink, TranslocoPipe, IsoDatePipe, LoadState, ScrollRegion, NewElectionForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './election-list-page.html',
  styleUrl: './admin.css',
})
export class ElectionListPage {
  private readonly api = inject(ElectionsApi);
  protected readonly language = inject(LanguageService);

  protected readonly elections = rxResource({ stream: () => this.api.list() });
}
