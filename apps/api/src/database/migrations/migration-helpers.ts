import { QueryRunner, TableColumnOptions, TableForeignKeyOptions } from 'typeorm';

/**
 * Portable column builders for migrations: the same Table definitions create the SQLite and the
 * PostgreSQL schema. Timestamps are naive UTC (`datetime` in SQLite, `timestamp` in PostgreSQL).
 */
export function columnKit(queryRunner: QueryRunner) {
  const isPostgres = queryRunner.connection.options.type === 'postgres';
  return {
    id: (name: string): TableColumnOptions => ({ name, type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' }),
    int: (name: string, opts: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type: 'integer', ...opts }),
    str: (name: string, length: number, opts: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: String(length),
      ...opts,
    }),
    text: (name: string, opts: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type: 'text', ...opts }),
    bool: (name: string, defaultValue: boolean): TableColumnOptions => ({
      name,
      type: 'boolean',
      default: isPostgres ? String(defaultValue) : defaultValue ? 1 : 0,
    }),
    float: (name: string, opts: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type: 'double precision', ...opts }),
    timestamp: (name: string, opts: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
      name,
      type: isPostgres ? 'timestamp' : 'datetime',
      ...opts,
    }),
  };
}

/** A foreign key to `table.column`; `onDelete` says what happens to this row when the target goes. */
export function fk(
  column: string,
  table: string,
  targetColumn: string,
  onDelete: 'CASCADE' | 'SET NULL' | 'RESTRICT' = 'CASCADE',
): TableForeignKeyOptions {
  return { columnNames: [column], referencedTableName: table, referencedColumnNames: [targetColumn], onDelete };
}
