import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  type ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import {
  TitleStrategy,
  provideRouter,
  withComponentInputBinding,
  withInMemoryScrolling,
} from '@angular/router';
import { routes } from './app.routes';
import { apiInterceptor } from './core/api/api.interceptor';
import { provideI18n } from './core/i18n/provide-i18n';
import { provideFocusHeadingOnNavigation } from './core/routing/focus-heading-on-navigation';
import { provideReaderOffline } from './reader/offline/reader-sync';
import { TranslatedTitleStrategy } from './core/routing/translated-title-strategy';
import { SessionStore } from './core/session/session-store';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideHttpClient(withInterceptors([apiInterceptor])),
    provideRouter(
      routes,
      withComponentInputBinding(),
      withInMemoryScrolling({ scrollPositionRestoration: 'enabled' }),
    ),
    { provide: TitleStrategy, useExisting: TranslatedTitleStrategy },
    provideFocusHeadingOnNavigation(),
    provideI18n(),
    // Not awaited: the page renders at once, and data pages wait for SessionStore.ready().
    provideAppInitializer(() => void inject(SessionStore).load()),
    // The officials' reader offline: service worker, annotation outbox sync, caches cleared on logout.
    provideReaderOffline(),
  ],
};
