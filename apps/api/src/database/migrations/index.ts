import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125000000Initial } from './Migration20261125000000Initial.js';
import { Migration20261125000100Security } from './Migration20261125000100Security.js';
import { Migration20261125010000Register } from './Migration20261125010000Register.js';
import { Migration20261125020000Elections } from './Migration20261125020000Elections.js';
import { Migration20261125030000Meetings } from './Migration20261125030000Meetings.js';
import { Migration20261126000000OfficialUsers } from './Migration20261126000000OfficialUsers.js';
import { Migration20261126000500Documents } from './Migration20261126000500Documents.js';
import { Migration20261126010000DocumentSearch } from './Migration20261126010000DocumentSearch.js';
import { Migration20261126020000Attendance } from './Migration20261126020000Attendance.js';
import { Migration20261126030000MeetingPlan } from './Migration20261126030000MeetingPlan.js';
import { Migration20261126040000Reader } from './Migration20261126040000Reader.js';
import { Migration20261126050000PublicSearch } from './Migration20261126050000PublicSearch.js';
import { Migration20261126060000OfficialSearch } from './Migration20261126060000OfficialSearch.js';
import { Migration20261206100000RateLimit } from './Migration20261206100000RateLimit.js';
import { Migration20261206110000AuditClient } from './Migration20261206110000AuditClient.js';
import { Migration20261207000000Minutes } from './Migration20261207000000Minutes.js';
import { Migration20261207010000AdvanceVoteReview } from './Migration20261207010000AdvanceVoteReview.js';
import { Migration20261207020000Weddings } from './Migration20261207020000Weddings.js';
import { Migration20261208010000WeddingRecords } from './Migration20261208010000WeddingRecords.js';
import { Migration20261208020000WeddingOfficiantUser } from './Migration20261208020000WeddingOfficiantUser.js';
import { Migration20261208060000SearchMatching } from './Migration20261208060000SearchMatching.js';

/** Every migration in order. Listed explicitly so the same list runs from src (tests) and dist. */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261125000000Initial', class: Migration20261125000000Initial },
  { name: 'Migration20261125000100Security', class: Migration20261125000100Security },
  { name: 'Migration20261125010000Register', class: Migration20261125010000Register },
  { name: 'Migration20261125020000Elections', class: Migration20261125020000Elections },
  { name: 'Migration20261125030000Meetings', class: Migration20261125030000Meetings },
  { name: 'Migration20261126000000OfficialUsers', class: Migration20261126000000OfficialUsers },
  { name: 'Migration20261126000500Documents', class: Migration20261126000500Documents },
  { name: 'Migration20261126010000DocumentSearch', class: Migration20261126010000DocumentSearch },
  { name: 'Migration20261126020000Attendance', class: Migration20261126020000Attendance },
  { name: 'Migration20261126030000MeetingPlan', class: Migration20261126030000MeetingPlan },
  { name: 'Migration20261126040000Reader', class: Migration20261126040000Reader },
  { name: 'Migration20261126050000PublicSearch', class: Migration20261126050000PublicSearch },
  { name: 'Migration20261126060000OfficialSearch', class: Migration20261126060000OfficialSearch },
  { name: 'Migration20261206100000RateLimit', class: Migration20261206100000RateLimit },
  { name: 'Migration20261206110000AuditClient', class: Migration20261206110000AuditClient },
  { name: 'Migration20261207000000Minutes', class: Migration20261207000000Minutes },
  { name: 'Migration20261207010000AdvanceVoteReview', class: Migration20261207010000AdvanceVoteReview },
  { name: 'Migration20261207020000Weddings', class: Migration20261207020000Weddings },
  { name: 'Migration20261208010000WeddingRecords', class: Migration20261208010000WeddingRecords },
  { name: 'Migration20261208020000WeddingOfficiantUser', class: Migration20261208020000WeddingOfficiantUser },
  { name: 'Migration20261208060000SearchMatching', class: Migration20261208060000SearchMatching },
];
