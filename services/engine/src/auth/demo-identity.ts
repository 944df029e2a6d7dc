import type { IdentityData } from './identity.js';

/**
 * The credential hashes of `services/engine/examples/identity.yaml`, whose passwords and
 * worker key are printed in the README: anyone may know them. Matched by hash, so a
 * copy of the file under another name is recognised too (`identity.test.ts` keeps this
 * list in step with the file).
 */
const publicHashes: ReadonlySet<string> = new Set([
  'scrypt$32768$8$3$bVAOr3-fdBPf-mZH2LXGsQ$UnIp-F2yI59VRV8VNXU0SRNlm64TRuxVbUeAcBK4Fm4',
  'scrypt$32768$8$3$JExArvjCkIigoTY6cHjccw$JXtj54AP6WKfJ_gVWJkrnq1RauoJa0MVD2VS3PcZzi4',
  'scrypt$32768$8$3$wgzJV_sZgka7TXrUn-kAAQ$gRogkelPE01Qja1UQqNe05z4O_e3Sa_4f6W_PYZdAPE',
  'sha256:87a060f8633dbeace321a42bf874811b3d86b8058d5aff45d94822c7f0023460',
]);

/** The usernames and API key ids of `identity` whose password or key is one of the published demo ones. */
export function publicDemoAccounts(identity: IdentityData): string[] {
  const users = identity.users.filter((user) => user.passwordHash !== undefined && publicHashes.has(user.passwordHash)).map((user) => user.username);
  const keys = identity.apiKeys.filter((key) => publicHashes.has(key.hash)).map((key) => key.keyId);
  return [...users, ...keys];
}
