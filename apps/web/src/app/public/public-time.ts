import { dateTimeFormat } from '../core/i18n/locale-format';

/**
 * Meeting times for the public pages: instants from the API shown in Norwegian time, whatever the
 * visitor's time zone (a meeting at 18:00 in the town hall is at 18:00).
 */
const TIME_ZONE = 'Europe/Oslo';

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return dateTimeFormat(locale, { ...options, timeZone: TIME_ZONE });
}

/** "torsdag 11. februar 2027" in nb-NO. */
export function meetingDate(iso: string, locale: string): string {
  return formatter(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(iso));
}

/** "18:00". */
export function meetingClock(iso: string, locale: string): string {
  return formatter(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );
}

/** The `datetime` attribute of a `<time>`: the instant as the API gave it. */
export function machineTime(iso: string): string {
  return new Date(iso).toISOString();
}

const YOUTUBE_HOSTS = /(^|\.)(youtube\.com|youtu\.be|youtube-nocookie\.com)$/i;

/**
 * A link into the meeting's video at an item's start. YouTube reads the start from the query
 * (`?t=<seconds>`); every other player gets a media fragment (`#t=<seconds>`, W3C Media Fragments),
 * which HTML video and most streaming players honour. Anything already after `#` is replaced.
 */
export function videoAt(videoUrl: string, seconds: number): string {
  let url: URL;
  try {
    url = new URL(videoUrl);
  } catch {
    return videoUrl;
  }
  url.hash = '';
  const start = String(Math.max(0, Math.floor(seconds)));
  if (YOUTUBE_HOSTS.test(url.hostname)) {
    url.searchParams.set('t', start);
    return url.toString();
  }
  return `${url.toString()}#t=${start}`;
}

/** "1:02:05" or "12:05" for a start time in seconds, as shown beside the link. */
export function videoClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}
