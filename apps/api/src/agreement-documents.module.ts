import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { memoryStorage } from 'multer';
import type { AppConfig } from '../../../platform/config';
import { AgreementsModule } from './agreements.module';
import { AttachmentsModule } from './attachments.module';
import { AgreementDocumentsController } from './controllers/agreement-documents.controller';
import { AgreementDocumentService } from './services/agreement-document.service';
import { APP_CONFIG } from './tokens';

/** The KB's and PKS's draft versions, comments and signed copies, in the attachments' store. */
@Module({
  imports: [
    AgreementsModule,
    AttachmentsModule,
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // As the attachments: held in memory until checked, so a refused file never touches the store.
        storage: memoryStorage(),
        limits: { fileSize: config.ATTACHMENT_MAX_BYTES, files: 1, fields: 10, fieldSize: 4096, parts: 12 },
        defParamCharset: 'utf8',
      }),
    }),
  ],
  controllers: [AgreementDocumentsController],
  providers: [AgreementDocumentService],
})
export class AgreementDocumentsModule {}
