// Bound outside Nest's FileInterceptor: multer's "file too large" arrives as Nest's 413,
// and the API answers it like every other refused file, 400 naming the field `file`.
import { Inject, Injectable, PayloadTooLargeException, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { catchError, throwError, type Observable } from 'rxjs';
import type { AppConfig } from '../../../../platform/config';
import { fileTooLarge } from '../services/attachment.service';
import { APP_CONFIG } from '../tokens';

@Injectable()
export class UploadErrorsInterceptor implements NestInterceptor {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(
        catchError((error: unknown) => throwError(() => (error instanceof PayloadTooLargeException ? fileTooLarge(this.config.ATTACHMENT_MAX_BYTES) : error))),
      );
  }
}
