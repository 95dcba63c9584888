import type { ApplicationStatus, VisitOutcome } from '@sekretariat/contracts';

/**
 * The life of a home-voting application: received → approved (by the election office) → visited
 * → voted / not at home / refused; withdrawn at any point before a vote. A voter not at home may
 * be approved again to be planned on another day. Voted, refused and withdrawn are final.
 */
const NEXT: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  received: ['approved', 'withdrawn'],
  approved: ['visited', 'withdrawn'],
  visited: ['voted', 'not_at_home', 'refused', 'withdrawn'],
  not_at_home: ['approved', 'withdrawn'],
  voted: [],
  refused: [],
  withdrawn: [],
};

export function canTransition(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return NEXT[from].includes(to);
}

export function allowedNext(from: ApplicationStatus): readonly ApplicationStatus[] {
  return NEXT[from];
}

/** The steps a visit mark takes an application through: to visited (unless it is), then the outcome. */
export function markSteps(from: ApplicationStatus, outcome: VisitOutcome): ApplicationStatus[] | null {
  const steps: ApplicationStatus[] = from === 'visited' ? [] : ['visited'];
  let at = from;
  for (const to of [...steps, outcome]) {
    if (!canTransition(at, to)) return null;
    at = to;
  }
  return [...steps, outcome];
}

/** Statuses that staff set by hand; visited and the outcomes come from the marks on the route. */
export const MANUAL_STATUSES: readonly ApplicationStatus[] = ['approved', 'withdrawn'];
