import { ChangeDetectionStrategy, Component, PendingTasks, computed, inject, signal } from '@angular/core';
import { Router, RouterLink, RouterLinkActive } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { navItemsFor } from '../core/navigation/nav-items';
import { SessionStore } from '../core/session/session-store';
import { LanguageSelect } from './language-select';

@Component({
  selector: 'app-site-header',
  imports: [RouterLink, RouterLinkActive, TranslocoPipe, LanguageSelect],
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

  /** Come back to the current page after signing in. */
  protected loginQueryParams(): Record<string, string> {
    const url = this.router.url;
    return url === '/' || url.startsWith('/logg-inn') ? {} : { returnUrl: url };
  }

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
    await this.router.navigateByUrl('/');
  }
}
