import { BadRequestException, NotFoundException } from '@nestjs/common';
import { DomainError, ErrorCode } from '../errors/domain-error';
import { toHttpError } from './to-http-error';

describe('toHttpError', () => {
  it.each([
    [ErrorCode.Validation, 400],
    [ErrorCode.Unauthenticated, 401],
    [ErrorCode.Forbidden, 403],
    [ErrorCode.NotFound, 404],
    [ErrorCode.Conflict, 409],
    [ErrorCode.TooManyRequests, 429],
  ])('maps %s to %d with the message', (code, status) => {
    expect(toHttpError(new DomainError(code, 'why'))).toMatchObject({ status, body: { message: 'why' } });
  });

  it('sets Retry-After for throttling', () => {
    expect(toHttpError(new DomainError(ErrorCode.TooManyRequests, 'slow down', { retryAfter: 42 })).headers).toEqual({ 'retry-after': '42' });
  });

  it("keeps Nest's client errors and Fastify's parser errors", () => {
    expect(toHttpError(new NotFoundException('Cannot GET /x'))).toEqual({ status: 404, body: { message: 'Cannot GET /x' } });
    expect(toHttpError(new BadRequestException(['first problem', 'second']))).toMatchObject({ status: 400, body: { message: 'first problem' } });
    const parserError = Object.assign(new Error("Body is not valid JSON"), { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' });
    expect(toHttpError(parserError)).toEqual({ status: 400, body: { message: 'Body is not valid JSON' } });
  });

  it('never leaks internals of unexpected errors', () => {
    const result = toHttpError(new TypeError("Cannot read properties of undefined (reading 'password')"));
    expect(result).toEqual({ status: 500, body: { message: 'Internal server error' } });
    const sqlError = Object.assign(new Error('relation "users" does not exist'), { statusCode: 500, code: '42P01' });
    expect(toHttpError(sqlError).body.message).toBe('Internal server error');
  });
});
