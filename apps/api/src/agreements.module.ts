import { Module } from '@nestjs/common';
import { AgreementObligationsController } from './controllers/agreement-obligations.controller';
import { AgreementsController } from './controllers/agreements.controller';
import { AgreementProcessRepository } from './repositories/agreement-process.repository';
import { ObligationProcessRepository } from './repositories/obligation-process.repository';
import { AgreementObligationService } from './services/agreement-obligation.service';
import { AgreementService } from './services/agreement.service';

/** Cooperation agreements (KB, PKS) after a COMPLETED plan, and their register. */
@Module({
  controllers: [AgreementsController, AgreementObligationsController],
  providers: [AgreementProcessRepository, ObligationProcessRepository, AgreementService, AgreementObligationService],
  exports: [AgreementService],
})
export class AgreementsModule {}
