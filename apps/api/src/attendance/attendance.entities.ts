export { AbsenceLink } from './absence-link.entity.js';
export { MeetingAbsence } from './absence.entity.js';
export { SubstituteSummons } from './summons.entity.js';
