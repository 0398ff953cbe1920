import { InitialSchemaPostgres1764140000000 } from './postgres/1764140000000-initial-schema';
import { InitialSchemaSqlite1764140000000 } from './sqlite/1764140000000-initial-schema';

/**
 * Listed explicitly (no globs), in order, so compiled and TypeScript code, Jest and the
 * production images all run exactly the same migrations. Each schema change adds one file
 * per dialect.
 */
export const POSTGRES_MIGRATIONS = [InitialSchemaPostgres1764140000000];
export const SQLITE_MIGRATIONS = [InitialSchemaSqlite1764140000000];
