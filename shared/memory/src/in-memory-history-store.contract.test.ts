import { historyStoreContract } from '@baton/testkit';
import { InMemoryHistoryStore } from './in-memory-history-store.js';

historyStoreContract(() => new InMemoryHistoryStore());
