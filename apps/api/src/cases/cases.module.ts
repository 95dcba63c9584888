import { Module } from '@nestjs/common';
import { PaperAccess } from './paper-access.js';

/**
 * Cases (saker) as other modules see them: the case entity, who may read a case's exempt papers
 * (PaperAccess), the legal grounds for exemption and closed sessions, and the search vectors.
 */
@Module({
  providers: [PaperAccess],
  exports: [PaperAccess],
})
export class CasesModule {}
