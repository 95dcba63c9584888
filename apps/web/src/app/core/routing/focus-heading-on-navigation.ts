import {
  DOCUMENT,
  DestroyRef,
  type EnvironmentProviders,
  Injector,
  afterNextRender,
  inject,
  provideEnvironmentInitializer,
} from '@angular/core';
import { NavigationEnd, NavigationStart, Router } from '@angular/router';
import { filter, skip } from 'rxjs';

/** How long a page may take to show its heading (after its data loads) and still get focus. */
export const HEADING_WAIT_MS = 15_000;

/**
 * After each in-app navigation (not the first page load), move focus to the
 * page's `<h1>` so that screen-reader and keyboard users start at the new
 * content, as they would after a full page load.
 *
 * Pages whose heading appears only after their data loads (the public meeting and
 * item pages), or that swap a loading heading for the real one, are watched until
 * the heading is there: focus follows the new `<h1>` as long as the user has not
 * moved focus themselves (it is still on the page, `<main>` or a removed heading).
 */
export function provideFocusHeadingOnNavigation(): EnvironmentProviders {
  return provideEnvironmentInitializer(() => {
    const router = inject(Router);
    const document = inject(DOCUMENT);
    const injector = inject(Injector);
    let stopWatching: (() => void) | null = null;
    const stop = () => {
      stopWatching?.();
      stopWatching = null;
    };
    const starts = router.events
      .pipe(filter((event) => event instanceof NavigationStart))
      .subscribe(stop);
    const ends = router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        skip(1),
      )
      .subscribe(() => {
        afterNextRender(
          () => {
            stop();
            stopWatching = focusHeadingWhenThere(document);
          },
          { injector },
        );
      });
    inject(DestroyRef).onDestroy(() => {
      stop();
      starts.unsubscribe();
      ends.unsubscribe();
    });
  });
}

/** Focus the page's h1 now and whenever a new one replaces it; returns how to stop watching. */
export function focusHeadingWhenThere(document: Document): () => void {
  const main = document.querySelector<HTMLElement>('main');
  // What had focus when the navigation ended: usually the link or button that caused it, which is
  // not the user moving on (focus leaves it for the new page's heading).
  const initial = document.activeElement;
  let focused: HTMLElement | null = null;
  const userMovedOn = () => {
    const active = document.activeElement;
    return !(
      active === null ||
      active === initial ||
      active === document.body ||
      active === main ||
      active === focused ||
      (focused !== null && !focused.isConnected)
    );
  };
  const tryFocus = (): boolean => {
    const heading = document.querySelector<HTMLElement>('main h1');
    if (!heading || heading === focused) return false;
    if (userMovedOn()) return true;
    heading.tabIndex = -1;
    heading.focus({ preventScroll: false });
    focused = heading;
    return false;
  };
  if (!main) {
    tryFocus();
    return () => undefined;
  }
  const view = document.defaultView;
  const observer = view ? new view.MutationObserver(() => done(tryFocus())) : null;
  const timer = view?.setTimeout(() => done(true), HEADING_WAIT_MS);
  const onPointer = () => done(true);
  const done = (finished: boolean) => {
    if (!finished) return;
    observer?.disconnect();
    if (timer !== undefined) view?.clearTimeout(timer);
    document.removeEventListener('pointerdown', onPointer, true);
  };
  // A click means the user has taken over, even on something that does not take focus.
  document.addEventListener('pointerdown', onPointer, true);
  observer?.observe(main, { childList: true, subtree: true });
  done(tryFocus());
  return () => done(true);
}
