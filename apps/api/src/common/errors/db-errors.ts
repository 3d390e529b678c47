import { QueryFailedError } from 'typeorm';

/** True for a unique-constraint violation in SQLite or PostgreSQL (a concurrent duplicate). */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driver = error.driverError as { code?: string; message?: string } | undefined;
  return driver?.code === '23505' || (driver?.code === 'SQLITE_CONSTRAINT' && /UNIQUE/i.test(driver.message ?? ''));
}
