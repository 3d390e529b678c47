import { Param } from '@nestjs/common';
import { z } from 'zod';
import { ZodValidationPipe } from '../pipes/zod-validation.pipe';

const refSchema = z.string().min(1).max(512);
const idSchema = z.coerce.number({ message: 'must be a number' }).int().positive().max(2_147_483_647);

/** A path parameter naming an object: its full name (URL-encoded `/`) or `_<id>` for repositories. */
export const RefParam = (name = 'ref') => Param(name, new ZodValidationPipe(refSchema, 'param'));

/** A numeric path parameter. */
export const IdParam = (name = 'id') => Param(name, new ZodValidationPipe(idSchema, 'param'));

