import {
  ChangeDetectionStrategy,
  Component,
  PendingTasks,
  computed,
  inject,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { filter, map } from 'rxjs';
import { activeNavPath, navItemsFor } from '../core/navigation/nav-items';
import { SessionStore } from '../core/session/session-store';
import { LanguageSelect } from './language-select';

@Component({
  selector: 'app-site-header',
  imports: [RouterLink, TranslocoPipe, LanguageSelect],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './site-header.html',
  styleUrl: './site-header.css',
})
export class SiteHeader {
  private readonly router = inject(Router);
  private readonly pendingTasks = inject(PendingTasks);
  protected readonly session = inject(SessionStore);
  protected readonly navItems = computed(() => navItemsFor(this.session.callers()));
  protected readonly loggingOut = signal(false);

  private readonly url = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map((event) => event.urlAfterRedirects),
    ),
    { initialValue: this.router.url },
  );
  /** One current entry at most: `/organer/import` is Import, not also Politiske organer. */
  protected readonly activePath = computed(() => activeNavPath(this.url(), this.navItems()));
  protected readonly onLoginPage = computed(() => this.url().startsWith('/logg-inn'));
  /** Come back to the current page after signing in. */
  protected readonly loginQueryParams = computed(() => {
    const url = this.url();
    return url === '/' || this.onLoginPage() ? {} : { returnUrl: url };
  });

  protected logout(): void {
    this.pendingTasks.run(() => this.signOut());
  }

  private async signOut(): Promise<void> {
    if (this.loggingOut()) return;
    this.loggingOut.set(true);
    try {
      await this.session.logout();
    } catch {
      // The local session is cleared either way (see SessionStore.logout).
    } finally {
      this.loggingOut.set(false);
    }
    // 'reload' also when already on the front page, so focus moves to its heading as after any navigation.
    await this.router.navigateByUrl('/', { onSameUrlNavigation: 'reload' });
  }
}
