import { focusHeadingWhenThere } from './focus-heading-on-navigation';

/** MutationObserver callbacks run as microtasks. */
const mutationsDelivered = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('focusHeadingWhenThere', () => {
  let main: HTMLElement;
  let stop: () => void;

  beforeEach(() => {
    document.body.innerHTML = '<button id="outside">x</button><main tabindex="-1"></main>';
    main = document.querySelector('main')!;
  });

  afterEach(() => {
    stop();
    document.body.innerHTML = '';
  });

  function addHeading(text: string): HTMLElement {
    const heading = document.createElement('h1');
    heading.textContent = text;
    main.append(heading);
    return heading;
  }

  it('focuses the h1 that is there', () => {
    const heading = addHeading('Møter');
    stop = focusHeadingWhenThere(document);
    expect(document.activeElement).toBe(heading);
    expect(heading.tabIndex).toBe(-1);
  });

  it('focuses the h1 that appears after the data loads', async () => {
    stop = focusHeadingWhenThere(document);
    expect(document.activeElement).toBe(document.body);
    const heading = addHeading('Møte i Kommunestyret');
    await mutationsDelivered();
    expect(document.activeElement).toBe(heading);
  });

  it('moves to the new h1 when the loading heading is replaced', async () => {
    const loading = addHeading('Møte');
    stop = focusHeadingWhenThere(document);
    expect(document.activeElement).toBe(loading);
    loading.remove();
    const heading = addHeading('Møte i Formannskapet');
    await mutationsDelivered();
    expect(document.activeElement).toBe(heading);
  });

  it('moves focus from the link that was followed to the heading that appears', async () => {
    const link = document.createElement('a');
    link.href = '/innstillinger';
    link.textContent = 'Innstillinger';
    document.body.prepend(link);
    link.focus();
    stop = focusHeadingWhenThere(document);
    const heading = addHeading('Kommunens innstillinger');
    await mutationsDelivered();
    expect(document.activeElement).toBe(heading);
  });

  it('leaves focus alone once the user has moved it', async () => {
    stop = focusHeadingWhenThere(document);
    const outside = document.querySelector<HTMLButtonElement>('#outside')!;
    outside.focus();
    addHeading('Møte');
    await mutationsDelivered();
    expect(document.activeElement).toBe(outside);
  });

  it('stops watching after a click', async () => {
    stop = focusHeadingWhenThere(document);
    document.dispatchEvent(new Event('pointerdown'));
    addHeading('Møte');
    await mutationsDelivered();
    expect(document.activeElement).toBe(document.body);
  });

  it('stops watching when told (the next navigation)', async () => {
    stop = focusHeadingWhenThere(document);
    stop();
    addHeading('Møte');
    await mutationsDelivered();
    expect(document.activeElement).toBe(document.body);
  });
});
