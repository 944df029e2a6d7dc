import { createPostgresIdentityStore } from '@baton/postgres';
import { identityStoreContract } from '../../../services/engine/src/auth/__fixtures__/identity-store-contract.js';
import type { GroupRecord, UserRecord } from '../../../services/engine/src/auth/identity.js';
import type { IdentityStore } from '../../../services/engine/src/auth/identity-store.js';
import { usePostgres } from './postgres-test-support.js';

const postgres = usePostgres();

const openOn = (schema: string): Promise<IdentityStore> => createPostgresIdentityStore<UserRecord, GroupRecord>({ url: postgres.url(), schema });

// Each test its own schema; `reopen` is a new pool on it (another node, or a restart).
identityStoreContract('Postgres', async () => {
  const schema = postgres.uniqueSchema();
  return { store: await openOn(schema), reopen: () => openOn(schema) };
});
