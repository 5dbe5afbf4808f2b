import { type EntityManager, type ObjectLiteral } from 'typeorm';
import { ApplyValueTransformers } from 'typeorm/util/ApplyValueTransformers';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * Turns rows as Postgres returns them into entities, by the entities' own
 * TypeORM metadata: the `@Column` decorators are the one place a column's
 * name, its property and its transformer are written. Repositories run their
 * own SQL (TypeORM's query builder cannot say what the lifecycle's fenced
 * statements say) and map what comes back through here.
 */
export class EntityRows<T extends ObjectLiteral> {
  private readonly columns: ReadonlyArray<{
    database: string;
    property: string;
    transformer: ColumnMetadata['transformer'];
  }>;
  private readonly prototype: object;

  constructor(manager: EntityManager, target: new () => T) {
    const metadata = manager.connection.getMetadata(target);
    this.prototype = target.prototype;
    // A relation's join column shares its database name with the plain
    // column that holds the id (machine_id → machineId); the plain one maps.
    this.columns = metadata.columns
      .filter(
        (column) =>
          !column.relationMetadata || column.propertyName !== column.relationMetadata.propertyName,
      )
      .map((column) => ({
        database: column.databaseName,
        property: column.propertyName,
        transformer: column.transformer,
      }));
  }

  /**
   * One entity from a row: every column for `SELECT *` or `RETURNING *`, or
   * some of them (a `to_jsonb` of a few columns), which map to those properties alone.
   */
  one(row: Record<string, unknown>): T {
    const entity = Object.create(this.prototype) as Record<string, unknown>;
    for (const { database, property, transformer } of this.columns) {
      if (!(database in row)) continue;
      const value = row[database];
      entity[property] = transformer
        ? ApplyValueTransformers.transformFrom(transformer, value)
        : value;
    }
    return entity as T;
  }

  all(rows: ReadonlyArray<Record<string, unknown>>): T[] {
    return rows.map((row) => this.one(row));
  }
}

const cache = new WeakMap<object, Map<object, EntityRows<ObjectLiteral>>>();

/** The mapper for `target` on `manager`'s connection, built once per connection. */
export function entityRows<T extends ObjectLiteral>(
  manager: EntityManager,
  target: new () => T,
): EntityRows<T> {
  let forConnection = cache.get(manager.connection);
  if (!forConnection) {
    forConnection = new Map();
    cache.set(manager.connection, forConnection);
  }
  let rows = forConnection.get(target);
  if (!rows) {
    rows = new EntityRows(manager, target);
    forConnection.set(target, rows);
  }
  return rows as EntityRows<T>;
}
