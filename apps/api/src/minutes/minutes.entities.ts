export { MinutesAttendee } from './minutes-attendee.entity.js';
export { MinutesDisqualification } from './disqualification.entity.js';
export { MinutesItem } from './minutes-item.entity.js';
export { MinutesProposal } from './proposal.entity.js';
export { MinutesRecord } from './minutes-record.entity.js';
export { ProtocolSignature } from './protocol-signature.entity.js';
export { ProtocolVersion } from './protocol-version.entity.js';
