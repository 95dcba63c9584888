import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { TranslocoHttpLoader } from './transloco-http-loader';

describe('TranslocoHttpLoader', () => {
  it('loads a language, and a scope from its own folder', async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    const loader = TestBed.inject(TranslocoHttpLoader);
    const http = TestBed.inject(HttpTestingController);

    const root = firstValueFrom(loader.getTranslation('nn'));
    http.expectOne('i18n/nn.json').flush({ nav: { home: 'Framside' } });
    await expect(root).resolves.toEqual({ nav: { home: 'Framside' } });

    const scoped = firstValueFrom(loader.getTranslation('elections/nn'));
    http.expectOne('i18n/elections/nn.json').flush({ nav: { elections: 'Val' } });
    await expect(scoped).resolves.toEqual({ nav: { elections: 'Val' } });
    http.verify();
  });
});
