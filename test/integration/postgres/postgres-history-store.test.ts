import { createPostgresHistoryStore } from '@baton/postgres';
import { historyStoreContract } from '@baton/testkit';
import { usePostgres } from './postgres-test-support.js';

const postgres = usePostgres();

// Issue 15, "Databases combined": the secondary storage of history; each test's in a schema of its own, migrated from empty.
historyStoreContract(() => createPostgresHistoryStore({ url: postgres.url(), schema: postgres.uniqueSchema(), poolSize: 2 }));
