import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { SessionStore } from '../core/session/session-store';

@Component({
  selector: 'app-home-page',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let municipality = session.municipality();
    <h1 class="ds-heading" data-size="lg">
      @if (municipality) {
        {{ 'home.headingFor' | transloco: { municipality: municipality.name } }}
      } @else {
        {{ 'home.heading' | transloco }}
      }
    </h1>
    <p class="ds-paragraph lead" data-size="lg">{{ 'home.lead' | transloco }}</p>
    <p class="ds-paragraph">{{ 'home.bodiesIntro' | transloco }}</p>
    <p class="ds-paragraph">
      <a class="ds-button" routerLink="/organer">{{ 'home.bodiesLink' | transloco }}</a>
    </p>
    <p class="ds-paragraph">{{ 'public.home.calendarIntro' | transloco }}</p>
    <p class="ds-paragraph">
      <a
        class="ds-button"
        data-variant="secondary"
        routerLink="/motekalender"
        data-testid="calendar-link"
        >{{ 'public.home.calendarLink' | transloco }}</a
      >
    </p>
    <p class="ds-paragraph">{{ 'weddings.home.intro' | transloco }}</p>
    <p class="ds-paragraph">
      <a
        class="ds-button"
        data-variant="secondary"
        routerLink="/vigsel"
        data-testid="weddings-link"
        >{{ 'weddings.home.link' | transloco }}</a
      >
    </p>
    <p class="ds-paragraph">{{ 'outreach.home.intro' | transloco }}</p>
    <p class="ds-paragraph">
      <a
        class="ds-button"
        data-variant="secondary"
        routerLink="/stemme-hjemme"
        data-testid="outreach-link"
        >{{ 'outreach.home.link' | transloco }}</a
      >
    </p>
  `,
  styles: `
    .lead {
      margin-block: var(--ds-size-4);
      max-width: 40em;
    }
    .ds-paragraph {
      max-width: 40em;
    }
    .ds-paragraph + .ds-paragraph {
      margin-top: var(--ds-size-6);
    }
    .ds-button {
      display: inline-flex;
    }
  `,
})
export class HomePage {
  protected readonly session = inject(SessionStore);
}
