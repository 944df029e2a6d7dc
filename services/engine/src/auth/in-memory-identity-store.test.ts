import { identityStoreContract } from './__fixtures__/identity-store-contract.js';
import { createInMemoryIdentityStore } from './in-memory-identity-store.js';

// Nodes of one process share the object: reopening hands out the same store.
identityStoreContract('in-memory', async () => {
  const store = createInMemoryIdentityStore();
  return { store, reopen: async () => store };
});
