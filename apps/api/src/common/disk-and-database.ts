import { DataSource, EntityManager } from 'typeorm';

/**
 * Changes the database and the disk together: the database work and the disk step run inside
 * one transaction, so a failing disk step rolls the database back; if the commit itself fails
 * after the disk step, `undo` reverts the disk. Keep disk steps short (renames, small inits):
 * a write transaction blocks other writers in SQLite.
 */
export async function changeTogether<T>(
  dataSource: DataSource,
  database: (manager: EntityManager) => Promise<T>,
  disk: { do: (result: T) => Promise<void>; undo: (result: T) => Promise<void> },
  onUndoFailure: (error: unknown) => void = () => undefined,
): Promise<T> {
  let done: { result: T } | undefined;
  try {
    return await dataSource.transaction(async (manager) => {
      const result = await database(manager);
      await disk.do(result);
      done = { result };
      return result;
    });
  } catch (error) {
    if (done) await disk.undo(done.result).catch(onUndoFailure);
    throw error;
  }
}
