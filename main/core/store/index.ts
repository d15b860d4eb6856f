export { openDatabase, schemaVersion, type Db } from './database';
export { LATEST_SCHEMA_VERSION, migrations, type Migration } from './migrations';
export { databaseId } from './database-id';
