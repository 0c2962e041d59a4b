import { Module } from '@nestjs/common';
import { MappingController } from './controllers/mapping.controller';
import { MappingService } from './services/mapping.service';

/** A region's mapping for a budget year as a whole: the matrix it reports upward, as JSON, XLSX and PDF. */
@Module({
  controllers: [MappingController],
  providers: [MappingService],
})
export class MappingModule {}
