import { Module } from '@nestjs/common';
import { AgreementsController } from './controllers/agreements.controller';
import { AgreementProcessRepository } from './repositories/agreement-process.repository';
import { AgreementService } from './services/agreement.service';

/** Cooperation agreements (KB, PKS) after a COMPLETED plan, and their register. */
@Module({
  controllers: [AgreementsController],
  providers: [AgreementProcessRepository, AgreementService],
  exports: [AgreementService],
})
export class AgreementsModule {}
