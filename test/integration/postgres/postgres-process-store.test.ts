import { createPostgresProcessStore } from '@baton/postgres';
import { processStoreContract } from '@baton/testkit';
import { usePostgres } from './postgres-test-support.js';

const postgres = usePostgres();

// Each test's store gets a schema of its own, migrated from empty.
processStoreContract(() => createPostgresProcessStore({ url: postgres.url(), schema: postgres.uniqueSchema(), poolSize: 4 }));
