import { DomainError } from '../common/errors/domain-error.js';

/** Errors of the minutes module: each a stable code and a message a person can act on. */
export const minutesError = {
  notStarted: () => new DomainError('MINUTES_NOT_STARTED', 'Protokollføringen er ikke startet for dette møtet.', 409),
  notOpen: () => new DomainError('MINUTES_MEETING_NOT_OPEN', 'Møtet er ikke kunngjort ennå; protokollen kan føres fra innkallingen er sendt.', 409),
  locked: () =>
    new DomainError('MINUTES_LOCKED', 'Protokollen er godkjent og kan ikke endres. Opprett en rettet versjon med begrunnelse for å endre den.', 409),
  itemNotInMeeting: (field = 'agendaItemId') =>
    new DomainError('AGENDA_ITEM_NOT_IN_MEETING', 'Saken står ikke på sakslisten til dette møtet.', 422, [{ path: field, message: 'Velg en sak fra møtets saksliste.' }]),
  attendeeNotFound: () => new DomainError('ATTENDEE_NOT_FOUND', 'Fant ikke deltakeren.', 404),
  memberRemoval: () => new DomainError('ATTENDEE_IS_MEMBER', 'Et medlem av organet tas ikke ut av protokollen: merk det som fraværende.', 409),
  substituteNotOnList: () =>
    new DomainError('SUBSTITUTE_NOT_ON_LIST', 'Personen står ikke på organets varamedlemsliste på møtedagen.', 422, [{ path: 'personId', message: 'Velg et varamedlem fra organets liste.' }]),
  meetsForNotMember: () =>
    new DomainError('MEETS_FOR_NOT_MEMBER', 'Varamedlemmet må møte for et medlem av organet.', 422, [{ path: 'meetsForPersonId', message: 'Velg medlemmet varamedlemmet møter for.' }]),
  attendeeExists: () => new DomainError('ATTENDEE_EXISTS', 'Personen er allerede ført opp i møtet.', 409),
  itemOrder: () =>
    new DomainError('ATTENDANCE_ITEMS_ORDER', 'Fra-saken må komme før eller være lik til-saken.', 422, [{ path: 'toItemId', message: 'Velg en sak som kommer etter fra-saken.' }]),
  notVoting: (field = 'personId') =>
    new DomainError('NOT_A_VOTING_MEMBER', 'Personen er ikke et stemmeberettiget medlem til stede i saken.', 422, [{ path: field, message: 'Velg et medlem som er til stede.' }]),
  voterNotPresent: () =>
    new DomainError('VOTER_NOT_PRESENT', 'En som er ført som stemmende mot, er ikke til stede i saken eller er inhabil.', 422, [{ path: 'againstPersonIds', message: 'Bare medlemmer til stede i saken kan stemme.' }]),
  voteDuplicate: () => new DomainError('VOTE_DUPLICATE', 'Samme person er ført to ganger.', 422, [{ path: 'againstPersonIds', message: 'Før hver person én gang.' }]),
  notQuorate: () => new DomainError('NOT_QUORATE', 'Organet er ikke vedtaksført i saken: mindre enn halvparten av medlemmene er til stede (koml. § 11-9).', 409),
  proposalNotFound: () => new DomainError('PROPOSAL_NOT_FOUND', 'Fant ikke forslaget.', 404),
  recommendationKept: () => new DomainError('RECOMMENDATION_KEPT', 'Innstillingen kan ikke slettes; merk den som ikke votert over.', 409),
  votedAfterDisqualification: () =>
    new DomainError('DISQUALIFIED_HAS_VOTED', 'Medlemmet er ført med stemme i saken; rett voteringen før inhabiliteten føres.', 409),
  disqualificationExists: () => new DomainError('DISQUALIFICATION_EXISTS', 'Inhabilitet er allerede ført for dette medlemmet i saken.', 409),
  disqualificationNotFound: () => new DomainError('DISQUALIFICATION_NOT_FOUND', 'Fant ikke inhabilitetsvurderingen.', 404),
  signatoryNotPresent: () =>
    new DomainError('SIGNATORY_NOT_PRESENT', 'De som skal signere, og møtelederen, må være medlemmer til stede i møtet.', 422, [{ path: 'signatoryPersonIds', message: 'Velg blant medlemmene til stede.' }]),
  noSignatories: () => new DomainError('NO_SIGNATORIES', 'Velg hvem som skal signere protokollen.', 422, [{ path: 'signatoryPersonIds', message: 'Velg minst én.' }]),
  signatoryCount: (count: number) =>
    new DomainError('SIGNATORY_COUNT', `Kommunens reglement sier at ${count} skal signere protokollen.`, 422, [{ path: 'signatoryPersonIds', message: `Velg ${count}.` }]),
  notSignatory: () => new DomainError('NOT_A_SIGNATORY', 'Du er ikke valgt til å signere denne protokollen.', 403),
  alreadySigned: () => new DomainError('ALREADY_SIGNED', 'Du har allerede signert denne versjonen.', 409),
  wrongMethod: () => new DomainError('APPROVAL_METHOD_MISMATCH', 'Protokollen godkjennes på en annen måte enn valgt for møtet.', 409),
  notHeld: () => new DomainError('MEETING_NOT_HELD', 'Møtet er ikke merket som holdt.', 409),
  tooEarly: () => new DomainError('MEETING_NOT_YET', 'Møtet kan merkes som holdt fra møtedagen.', 409),
  approvedCannotReopen: () => new DomainError('MINUTES_APPROVED', 'Protokollen er godkjent; møtet kan ikke åpnes igjen.', 409),
  approvalItem: () =>
    new DomainError('APPROVAL_ITEM_INVALID', 'Godkjenningen må være en sak i et senere møte i samme organ.', 422, [{ path: 'agendaItemId', message: 'Velg saken i neste møte.' }]),
  noApproved: () => new DomainError('PROTOCOL_NOT_APPROVED', 'Protokollen er ikke godkjent ennå.', 404),
  nothingToCorrect: () => new DomainError('PROTOCOL_NOT_APPROVED', 'Bare en godkjent protokoll kan rettes; utkastet kan endres direkte.', 409),
  versionNotFound: () => new DomainError('PROTOCOL_VERSION_NOT_FOUND', 'Fant ikke den versjonen av protokollen.', 404),
};
