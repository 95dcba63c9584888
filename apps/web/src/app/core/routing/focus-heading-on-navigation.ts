import {
  DOCUMENT,
  DestroyRef,
  type EnvironmentProviders,
  Injector,
  afterNextRender,
  inject,
  provideEnvironmentInitializer,
} from '@angular/core';
import { NavigationEnd, Router } from '@angular/router';
import { filter, skip } from 'rxjs';

/**
 * After each in-app navigation (not the first page load), move focus to the
 * page's `<h1>` so that screen-reader and keyboard users start at the new
 * content, as they would after a full page load.
 */
export function provideFocusHeadingOnNavigation(): EnvironmentProviders {
  return provideEnvironmentInitializer(() => {
    const router = inject(Router);
    const document = inject(DOCUMENT);
    const injector = inject(Injector);
    const subscription = router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        skip(1),
      )
      .subscribe(() => {
        afterNextRender(
          () => {
            const heading = document.querySelector<HTMLElement>('main h1');
            if (!heading) return;
            heading.tabIndex = -1;
            heading.focus({ preventScroll: false });
          },
          { injector },
        );
      });
    inject(DestroyRef).onDestroy(() => {
      subscription.unsubscribe();
    });
  });
}
