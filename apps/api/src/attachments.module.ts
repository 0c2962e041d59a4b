import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { memoryStorage } from 'multer';
import type { AppConfig } from '../../../platform/config';
import { AttachmentsController } from './controllers/attachments.controller';
import { UploadErrorsInterceptor } from './middleware/upload-errors.interceptor';
import { AttachmentStore, FileSystemAttachmentStore } from './repositories/attachment-store';
import { AttachmentService } from './services/attachment.service';
import { APP_CONFIG } from './tokens';

/**
 * Files attached to plans. It reads plans through its own repository rather than
 * importing PlansModule, so the plan rules can import this module (countByPurpose).
 */
@Module({
  imports: [
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // Held in memory until checked, so a refused file never touches the store;
        // the size limit bounds what one request can hold.
        storage: memoryStorage(),
        limits: { fileSize: config.ATTACHMENT_MAX_BYTES, files: 1, fields: 10, fieldSize: 4096, parts: 12 },
        // Browsers send UTF-8 file names; busboy would read them as Latin-1.
        defParamCharset: 'utf8',
      }),
    }),
  ],
  controllers: [AttachmentsController],
  providers: [
    AttachmentService,
    UploadErrorsInterceptor,
    {
      provide: AttachmentStore,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig): Promise<AttachmentStore> => {
        const store = new FileSystemAttachmentStore(config.ATTACHMENTS_DIR);
        await store.prepare();
        return store;
      },
    },
  ],
  // The agreements' documents reuse the same checks, store and upload errors.
  exports: [AttachmentService, AttachmentStore, UploadErrorsInterceptor],
})
export class AttachmentsModule {}
