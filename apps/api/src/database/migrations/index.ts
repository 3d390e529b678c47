import { AccessModel1763700000000 } from './1763700000000-access-model';

/** Migrations in order; each later feature appends its own. */
export const MIGRATIONS = [AccessModel1763700000000];
