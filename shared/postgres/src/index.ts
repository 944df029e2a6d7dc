/** Postgres adapters of Baton's ports (issue 15). */
export { createPool, defaultSchema, type PostgresConnectionOptions } from './connection.js';
export { migrate, migrationStatus, migrations, type Migration, type MigrationStatus } from './migrate.js';
export { createPostgresProcessStore, defaultEndedRetentionMs, PostgresProcessStore, type PostgresProcessStoreOptions, type PostgresStoreProbe } from './postgres-process-store.js';
export { createPostgresJobQueue, PostgresJobQueue, type PostgresJobQueueOptions } from './postgres-job-queue.js';
export { createPostgresIdentityStore, PostgresIdentityStore } from './postgres-identity-store.js';
export { createPostgresHistoryStore, PostgresHistoryStore } from './postgres-history-store.js';
