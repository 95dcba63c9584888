import { DOCUMENT, Injectable, inject } from '@angular/core';

/** The election and voting place a counter works for. */
export interface CounterChoice {
  readonly electionId: string;
  readonly placeId: string;
}

const CHOICE_KEY = 'sekretariat.counter.choice';
const TALLY_KEY = 'sekretariat.counter.tally';

interface Tally {
  readonly date: string;
  readonly counts: Readonly<Record<string, number>>;
}

/**
 * What a counter remembers in this browser: the chosen election and voting place (chosen once,
 * not every morning), and how many votes were registered here today, for clerks who may not read
 * the election's figures. Storage can be blocked by privacy settings: then nothing is remembered.
 */
@Injectable({ providedIn: 'root' })
export class CounterStorage {
  private readonly storage = inject(DOCUMENT).defaultView?.localStorage ?? null;

  choice(): CounterChoice | null {
    const value = this.read(CHOICE_KEY);
    if (typeof value !== 'object' || value === null) return null;
    const { electionId, placeId } = value as Record<string, unknown>;
    return typeof electionId === 'string' && typeof placeId === 'string'
      ? { electionId, placeId }
      : null;
  }

  saveChoice(choice: CounterChoice): void {
    this.write(CHOICE_KEY, choice);
  }

  /** Votes registered from this browser on `date` for the choice. */
  tally(choice: CounterChoice, date: string): number {
    const tally = this.readTally();
    return tally?.date === date ? (tally.counts[tallyKey(choice)] ?? 0) : 0;
  }

  /** Counts one more (or, for a registration undone, one less); a new day starts from zero. Returns the new count. */
  countOne(choice: CounterChoice, date: string, change: 1 | -1 = 1): number {
    const tally = this.readTally();
    const counts = tally?.date === date ? { ...tally.counts } : {};
    const next = Math.max(0, (counts[tallyKey(choice)] ?? 0) + change);
    counts[tallyKey(choice)] = next;
    this.write(TALLY_KEY, { date, counts } satisfies Tally);
    return next;
  }

  private readTally(): Tally | null {
    const value = this.read(TALLY_KEY);
    if (typeof value !== 'object' || value === null) return null;
    const { date, counts } = value as Record<string, unknown>;
    return typeof date === 'string' && typeof counts === 'object' && counts !== null
      ? { date, counts: counts as Record<string, number> }
      : null;
  }

  private read(key: string): unknown {
    try {
      const raw = this.storage?.getItem(key);
      return raw ? (JSON.parse(raw) as unknown) : null;
    } catch {
      return null;
    }
  }

  private write(key: string, value: unknown): void {
    try {
      this.storage?.setItem(key, JSON.stringify(value));
    } catch {
      // Not remembered; the counter still works for this visit.
    }
  }
}

function tallyKey(choice: CounterChoice): string {
  return `${choice.electionId}|${choice.placeId}`;
}
