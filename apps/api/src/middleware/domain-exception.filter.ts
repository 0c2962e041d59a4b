// Maps every error to one JSON shape, once: domain errors by kind, Nest's own HTTP
// errors by status, anything else to 500 with an id that is also logged.
import { randomUUID } from 'node:crypto';
import { Catch, HttpException, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { DomainError, ValidationFailed, Conflict, Forbidden, TooManyAttempts } from '../../../../domain/errors';
import { text, type BilingualText } from '../../../../domain/message';
import type { Violation } from '../../../../domain/violation';
import { classifyOutage } from './dependency-outage';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: BilingualText;
  violations: Violation[];
  errorId?: string;
}

const STATUS_BY_KIND = {
  VALIDATION: HttpStatus.BAD_REQUEST,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  TOO_MANY_REQUESTS: HttpStatus.TOO_MANY_REQUESTS,
} as const;

const HTTP_MESSAGES: Partial<Record<number, BilingualText>> = {
  [HttpStatus.BAD_REQUEST]: text('Permintaan tidak valid.', 'The request is not valid.'),
  [HttpStatus.NOT_FOUND]: text('Alamat tidak ditemukan.', 'No such resource.'),
  [HttpStatus.PAYLOAD_TOO_LARGE]: text('Permintaan terlalu besar.', 'The request is too large.'),
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: text('Jenis atau pengodean isi permintaan tidak didukung.', 'The request body’s type or encoding is not supported.'),
};

@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const outage = classifyOutage(exception);
    if (outage) {
      this.logger.warn({ err: exception, code: outage.code }, 'dependency outage');
      response.setHeader('Retry-After', String(outage.retryAfterSeconds));
      response.status(HttpStatus.SERVICE_UNAVAILABLE).json({ statusCode: 503, code: outage.code, message: outage.message, violations: [] });
      return;
    }
    const body = this.toBody(exception);
    // RFC 6750: a 401 names the scheme the client should authenticate with.
    if (body.statusCode === HttpStatus.UNAUTHORIZED) response.setHeader('WWW-Authenticate', 'Bearer realm="jalin"');
    if (exception instanceof TooManyAttempts) response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      const violations = exception instanceof ValidationFailed || exception instanceof Conflict || exception instanceof Forbidden ? exception.violations : [];
      return { statusCode: STATUS_BY_KIND[exception.kind], code: exception.code, message: exception.userMessage, violations };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      if (statusCode < 500) {
        return {
          statusCode,
          code: HttpStatus[statusCode] ?? 'HTTP_ERROR',
          message: HTTP_MESSAGES[statusCode] ?? text(exception.message, exception.message),
          violations: [],
        };
      }
    }
    const errorId = randomUUID();
    this.logger.error({ err: exception, errorId }, 'unhandled error');
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: 'INTERNAL_ERROR',
      message: text(
        `Terjadi kesalahan pada server. Sampaikan kode ${errorId} kepada admin.`,
        `The server failed. Quote error id ${errorId} to the administrator.`,
      ),
      violations: [],
      errorId,
    };
  }
}
