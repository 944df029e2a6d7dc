import { processStoreContract } from '@baton/testkit';
import { InMemoryProcessStore } from './in-memory-process-store.js';

processStoreContract(() => new InMemoryProcessStore({ freeze: true }));
