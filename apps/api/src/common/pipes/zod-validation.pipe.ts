import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { DomainError, ErrorCode } from '../errors/domain-error';

/** Turns the first zod issue into a sentence that names the field. */
export function describeZodError(error: z.ZodError, where: string): string {
  const issue = error.issues[0];
  if (!issue) return `Invalid ${where}`;
  if (issue.code === 'unrecognized_keys') {
    const prefix = issue.path.length ? `${issue.path.join('.')}.` : '';
    return `Unknown field${issue.keys.length > 1 ? 's' : ''} in ${where}: ${issue.keys.map((k) => prefix + k).join(', ')}`;
  }
  const field = issue.path.length ? issue.path.join('.') : where;
  return `${field}: ${issue.message}`;
}

/**
 * Validates one kind of argument (`body`, `query` or `param`) with a zod schema. Only that kind is
 * touched, so it can be applied to a whole handler with `UsePipes`.
 */
@Injectable()
export class ZodValidationPipe implements PipeTransform {
  constructor(
    private readonly schema: z.ZodType,
    private readonly kind: ArgumentMetadata['type'],
  ) {}

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== this.kind) return value;
    // A body-less request to a route with a body schema is validated as an empty object.
    let input = this.kind === 'body' && (value === undefined || value === null) ? {} : value;
    // `?api_key=` authenticates any URL (read by the api-key strategy); it is no field of the route's query
    if (this.kind === 'query' && input && typeof input === 'object' && 'api_key' in input) {
      const { api_key: _apiKey, ...rest } = input as Record<string, unknown>;
      input = rest;
    }
    const result = this.schema.safeParse(input);
    if (!result.success) {
      const where = this.kind === 'body' ? 'request body' : this.kind === 'query' ? 'query string' : 'URL';
      throw new DomainError(ErrorCode.Validation, describeZodError(result.error, where), {
        field: result.error.issues[0]?.path.join('.') || undefined,
      });
    }
    return result.data;
  }
}
