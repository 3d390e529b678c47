import { applyDecorators, UsePipes } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import { z } from 'zod';
import { ZodValidationPipe } from '../pipes/zod-validation.pipe';

type JsonSchema = Record<string, unknown>;

/** OpenAPI 3.0 schema of a zod schema (zod renders it; no second description to keep in sync). */
export function openApiSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
}

/** Validates the request body with `schema` and documents it. */
export function ZodBody(schema: z.ZodType) {
  return applyDecorators(ApiBody({ schema: openApiSchema(schema) }), UsePipes(new ZodValidationPipe(schema, 'body')));
}

/** Validates the query string with `schema` and documents each parameter. */
export function ZodQuery(schema: z.ZodObject) {
  const decorators = Object.entries(schema.shape).map(([name, field]) =>
    ApiQuery({ name, required: !(field as z.ZodType).safeParse(undefined).success, schema: openApiSchema(field as z.ZodType) }),
  );
  return applyDecorators(...decorators, UsePipes(new ZodValidationPipe(schema, 'query')));
}

/** Documents the 200 response shape. */
export function ZodResponse(schema: z.ZodType, description = 'OK') {
  return ApiOkResponse({ description, schema: openApiSchema(schema, 'output') });
}
