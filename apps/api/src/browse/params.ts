import { Param } from '@nestjs/common';
import { revisionSchema } from '@grove/shared';
import { ZodValidationPipe } from '../common/pipes/zod-validation.pipe';

/** A revision path parameter (hash, number, branch, tag, bookmark, `tip`), validated like the query ones. */
export const RevParam = (name = 'rev') => Param(name, new ZodValidationPipe(revisionSchema, 'param'));
