import { Module } from '@nestjs/common';
import { AuditModule } from './audit.module';
import { PlanningDocumentsController } from './controllers/planning-documents.controller';
import { DocumentChangeDispatcher } from './repositories/document-change-dispatcher';
import { PlanningDocumentService } from './services/planning-document.service';

/** The planning and budget document register: documents, states, lines and their exports. */
@Module({
  imports: [AuditModule],
  controllers: [PlanningDocumentsController],
  providers: [DocumentChangeDispatcher, PlanningDocumentService],
})
export class DocumentsModule {}
