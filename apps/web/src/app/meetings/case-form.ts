import type { Case, CaseInput } from '@sekretariat/contracts';
import type { FormProblem } from '../shared/form-problems';

export interface CaseFormValue {
  readonly archiveReference: string;
  readonly title: string;
  readonly caseOfficer: string;
  readonly summary: string;
  readonly background: string;
  readonly assessment: string;
  readonly recommendation: string;
  /** 'public' or 'exempt' (radio buttons). */
  readonly access: 'public' | 'exempt';
  readonly legalGround: string;
}

export const CASE_FIELD_IDS: Readonly<Record<string, string>> = {
  archiveReference: 'case-archive-reference',
  title: 'case-title',
  caseOfficer: 'case-officer',
  summary: 'case-summary',
  background: 'case-background',
  assessment: 'case-assessment',
  recommendation: 'case-recommendation',
  public: 'case-access-public',
  legalGround: 'case-legal-ground',
};

export const EMPTY_CASE: CaseFormValue = {
  archiveReference: '',
  title: '',
  caseOfficer: '',
  summary: '',
  background: '',
  assessment: '',
  recommendation: '',
  access: 'public',
  legalGround: '',
};

export function caseFormValue(kase: Case): CaseFormValue {
  return {
    archiveReference: kase.archiveReference,
    title: kase.title,
    caseOfficer: kase.caseOfficer,
    summary: kase.summary,
    background: kase.background,
    assessment: kase.assessment,
    recommendation: kase.recommendation,
    access: kase.public ? 'public' : 'exempt',
    legalGround: kase.legalGround ?? '',
  };
}

export function caseFormProblems(value: CaseFormValue): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!value.archiveReference.trim()) {
    problems.push({
      field: 'case-archive-reference',
      messageKey: 'meetings.case.archiveReferenceRequired',
    });
  }
  if (!value.title.trim())
    problems.push({ field: 'case-title', messageKey: 'meetings.case.titleRequired' });
  if (value.access === 'exempt' && !value.legalGround) {
    problems.push({ field: 'case-legal-ground', messageKey: 'meetings.case.legalGroundRequired' });
  }
  return problems;
}

/** The request; a public case has no legal ground. */
export function toCaseInput(value: CaseFormValue): CaseInput {
  const exempt = value.access === 'exempt';
  return {
    archiveReference: value.archiveReference.trim(),
    title: value.title.trim(),
    caseOfficer: value.caseOfficer.trim(),
    summary: value.summary,
    background: value.background,
    assessment: value.assessment,
    recommendation: value.recommendation,
    public: !exempt,
    legalGround: exempt ? value.legalGround || null : null,
  };
}
