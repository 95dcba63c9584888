import type { Route } from '@sekretariat/contracts';
import { escapeHtml, formatIsoDate, formatPrintedAt, renderDocument, type ComposedDocument } from '../document-layout.js';

export interface OutreachRouteInput {
  municipalityName: string;
  electionName: string;
  route: Route;
  generatedAt: Date;
}

const OUTCOME: Record<string, string> = { voted: 'Stemt', not_at_home: 'Ikke hjemme', refused: 'Ville ikke stemme' };

/** "Rute for ambulerende stemmegivning": the stops in order with time window, name, address, phone; the two officials. */
export function composeOutreachRoute(input: OutreachRouteInput): ComposedDocument {
  const { route } = input;
  const title = `Rute for ambulerende stemmegivning ${formatIsoDate(route.date)}`;
  const printedAt = formatPrintedAt(input.generatedAt);
  const rows = route.stops
    .map(
      (s) =>
        `<tr><td class="num">${s.position}</td><td>${escapeHtml(s.windowFrom)}–${escapeHtml(s.windowTo)}</td><td>${escapeHtml(s.name)}</td><td>${escapeHtml(s.address)}, ${escapeHtml(s.postcode)}</td><td>${escapeHtml(s.phone)}</td><td>${escapeHtml(s.outcome ? OUTCOME[s.outcome]! : '')}</td></tr>`,
    )
    .join('\n');
  const html = renderDocument({
    lang: 'nb',
    title,
    body: `
<header class="doc-header">
  <p class="doc-kicker">${escapeHtml(input.municipalityName)} – ${escapeHtml(input.electionName)}</p>
  <h1>${escapeHtml(title)}</h1>
  <dl class="doc-facts">
    <dt>Område</dt><dd>${escapeHtml(route.area)}</dd>
    <dt>Stemmemottakere</dt><dd>${escapeHtml(route.officials.map((o) => o.name).join(' og '))}</dd>
    <dt>Besøk</dt><dd>${route.stops.length}</dd>
    <dt>Utskrift</dt><dd>${escapeHtml(printedAt)}</dd>
  </dl>
</header>
<section><h2 id="besok">Besøk i rekkefølge</h2>
<table aria-labelledby="besok"><thead><tr><th scope="col" class="num">Nr.</th><th scope="col">Tid</th><th scope="col">Navn</th><th scope="col">Adresse</th><th scope="col">Telefon</th><th scope="col">Utfall</th></tr></thead><tbody>${rows}</tbody></table>
</section>
<section><h2 id="huskeliste">Huskeliste</h2>
<p>Kontroller legitimasjon. Velgere fra andre kommuner, velgere som har stemt før, og velgere det er tvil om, stemmer i omslagskonvolutt. Registrer hvert besøk på telefonen; uten nett lagres registreringen og sendes når nettet er tilbake.</p>
</section>`,
  });
  return { html, title, headerText: input.municipalityName, footerText: `Personopplysninger – oppbevares trygt og makuleres etter bruk. Utskrift ${printedAt}`, lang: 'nb' };
}
