// Bound outside Nest's FileInterceptor: multer's "file too large" arrives as Nest's 413,
// and the API answers it like every other refused file, 400 naming the field `file`. Its
// other refusals (a second file, a file under another part name, a body that is no
// multipart) arrive as a bare 400: answered naming the field `file` and the reason.
import {
  BadRequestException,
  Inject,
  Injectable,
  PayloadTooLargeException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { catchError, throwError, type Observable } from 'rxjs';
import type { AppConfig } from '../../../../platform/config';
import { fileTooLarge, malformedUpload } from '../services/attachment.service';
import { APP_CONFIG } from '../tokens';

@Injectable()
export class UploadErrorsInterceptor implements NestInterceptor {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) =>
        throwError(() => {
          if (error instanceof PayloadTooLargeException) return fileTooLarge(this.config.ATTACHMENT_MAX_BYTES);
          if (error instanceof BadRequestException && MULTIPART_ERROR.test(error.message)) return malformedUpload(error.message);
          return error;
        }),
      ),
    );
  }
}

/** The messages of multer's and busboy's refusals, as Nest passes them on. */
const MULTIPART_ERROR =
  /^(Unexpected (file )?field|Too many (parts|files|fields)|Field name|Field value too long|Invalid field name|Multipart: |Malformed part header|Unexpected end of (form|file))/;
