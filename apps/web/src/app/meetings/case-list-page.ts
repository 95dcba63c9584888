import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { switchMap, timer } from 'rxjs';
import { LoadState } from '../shared/load-state';
import { ScrollRegion } from '../shared/scroll-region';
import { MeetingsApi } from './meetings-api';

/** `/saker`: the secretariat's cases, newest first, searchable by archive reference or title. */
@Component({
  selector: 'app-case-list-page',
  imports: [RouterLink, TranslocoPipe, LoadState, ScrollRegion],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './case-list-page.html',
  styleUrl: './meetings.css',
})
export class CaseListPage {
  private readonly api = inject(MeetingsApi);

  protected readonly query = signal('');
  protected readonly cases = rxResource({
    params: () => this.query(),
    stream: ({ params: q }) =>
      timer(q ? 250 : 0).pipe(switchMap(() => this.api.searchCases(q, 100))),
  });

  protected search(event: Event): void {
    this.query.set((event.target as HTMLInputElement).value);
  }
}
