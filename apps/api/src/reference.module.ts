import { Module } from '@nestjs/common';
import { CooperationTypesController } from './controllers/cooperation-types.controller';
import { EnumerationsController } from './controllers/enumerations.controller';
import { GovernmentAffairsController } from './controllers/government-affairs.controller';
import { RegionBordersController } from './controllers/region-borders.controller';
import { RegionsController } from './controllers/regions.controller';
import { GovernmentAffairService } from './services/government-affair.service';
import { RegionService } from './services/region.service';

/** Reference data for pickers: regions and their borders, government affairs, cooperation types. */
@Module({
  controllers: [RegionsController, RegionBordersController, GovernmentAffairsController, CooperationTypesController, EnumerationsController],
  providers: [RegionService, GovernmentAffairService],
})
export class ReferenceModule {}
