import { HttpException } from '@nestjs/common';
import { ValidationFailed } from '../../../../domain/errors';
import { translateRequestError } from './request-errors';

const httpError = (status: number, type: string, message = 'x') => Object.assign(new Error(message), { status, statusCode: status, expose: true, type });

describe('translateRequestError', () => {
  it('turns a JSON parse error into a violation naming the parser’s reason', () => {
    const translated = translateRequestError(httpError(400, 'entity.parse.failed', 'Unexpected end of JSON input'));
    expect(translated).toBeInstanceOf(ValidationFailed);
    expect((translated as ValidationFailed).violations).toEqual([
      expect.objectContaining({ field: 'body', reason: 'MALFORMED_JSON', message: expect.objectContaining({ en: expect.stringContaining('Unexpected end') }) }),
    ]);
  });

  it.each([
    [413, 'entity.too.large'],
    [415, 'charset.unsupported'],
    [404, undefined],
  ])('keeps the client error status %i', (status, type) => {
    const translated = translateRequestError(httpError(status, type ?? ''));
    expect(translated).toBeInstanceOf(HttpException);
    expect((translated as HttpException).getStatus()).toBe(status);
  });

  it('leaves server errors and errors not meant for the client alone', () => {
    const internal = Object.assign(new Error('boom'), { status: 500, expose: false });
    expect(translateRequestError(internal)).toBe(internal);
    const hidden = Object.assign(new Error('secret path'), { status: 400, expose: false });
    expect(translateRequestError(hidden)).toBe(hidden);
  });
});
