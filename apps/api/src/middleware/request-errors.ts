// Errors Express middleware raises before any route runs (the body parser, static
// files) carry their own 4xx status. Nest's filter would see them as unknown errors and
// answer 500, so they are turned into the errors the filter maps, with a clear message.
import { HttpException, HttpStatus } from '@nestjs/common';
import type { ErrorRequestHandler } from 'express';
import { ValidationFailed } from '../../../../domain/errors';
import { text } from '../../../../domain/message';

/** The shape of an http-errors error, as body-parser and serve-static raise them. */
interface ClientError {
  status?: unknown;
  expose?: unknown;
  type?: unknown;
  message?: unknown;
}

export function translateRequestError(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const { status, expose, type, message } = error as ClientError;
  if (type === 'entity.parse.failed') {
    const reason = typeof message === 'string' ? message : 'invalid JSON';
    return new ValidationFailed([
      { field: 'body', reason: 'MALFORMED_JSON', message: text(`JSON tidak dapat dibaca: ${reason}`, `The JSON cannot be parsed: ${reason}`) },
    ]);
  }
  if (typeof status === 'number' && status >= 400 && status < 500 && expose === true) {
    return new HttpException(HttpStatus[status] ?? 'Client error', status);
  }
  return error;
}

export const requestErrors: ErrorRequestHandler = (error, _req, _res, next) => next(translateRequestError(error));
