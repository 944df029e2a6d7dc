import { BatonError } from '@baton/errors';
import { pageGlobals, type WebStorage } from './page-globals.js';
import { createIdentityDirectory, type GroupRecord, type Principal, type Role, type UserRecord } from '@baton/engine/isomorphic';

/** A user of the page: the node's user record, with an optional plain password for the page's sign-in form. */
export interface PageUser {
  readonly username: string;
  readonly name?: string;
  readonly roles: readonly Role[];
  readonly groups?: readonly string[];
  /** When set, signing in asks for it; the page holds it in memory only. */
  readonly password?: string;
  /** For a `worker`: the job types it may activate and complete (`*`: all), as an API key's on a node. */
  readonly jobTypes?: readonly string[];
}

/** Users, groups (with their roles and members) and who is signed in, as the node's identity file has them. */
export interface PageIdentityOptions {
  readonly users: readonly PageUser[];
  readonly groups?: readonly GroupRecord[];
  /** Signed in at start (unless this tab signed in as someone else before a reload). */
  readonly user?: string;
  /** Where the tab remembers who is signed in across a reload; default `sessionStorage` (per tab). */
  readonly session?: Pick<WebStorage, 'getItem' | 'setItem' | 'removeItem'>;
  /** Key of that memory. Default `baton/user`. */
  readonly sessionKey?: string;
}

/** Who calls the page's engine: the node's principal (roles from the user and their groups, group memberships). */
export interface PageIdentity {
  current(): Principal | undefined;
  /** Refuses an unknown user or a wrong password with `UNAUTHENTICATED`. */
  signIn(username: string, password?: string): Principal;
  signOut(): void;
}

/**
 * The node's identity model in a page (issue 17): the same users, groups, roles and
 * memberships (`createIdentityDirectory` of the node), so the same per-object checks
 * decide what a page user sees and does. It is a model of who does what, not a barrier
 * against the page's own user, who holds the storage it all lives in.
 */
export function createPageIdentity(options: PageIdentityOptions): PageIdentity {
  const users: UserRecord[] = options.users.map((u) => ({ username: u.username, roles: u.roles, groups: u.groups ?? [], ...(u.name === undefined ? {} : { name: u.name }) }));
  const directory = createIdentityDirectory({ users, groups: options.groups ?? [], apiKeys: [] });
  const session = options.session ?? pageGlobals.sessionStorage;
  const sessionKey = options.sessionKey ?? 'baton/user';
  let subject: string | undefined = session?.getItem(sessionKey) ?? options.user;
  const principalOf = (username: string): Principal | undefined => {
    const principal = directory.principalOfUser(username, 'session');
    const jobTypes = options.users.find((u) => u.username === username)?.jobTypes;
    return principal === undefined || jobTypes === undefined ? principal : { ...principal, jobTypes };
  };
  return {
    current: () => (subject === undefined ? undefined : principalOf(subject)),
    signIn(username, password) {
      const user = options.users.find((u) => u.username === username);
      const principal = principalOf(username);
      if (user === undefined || principal === undefined || (user.password !== undefined && user.password !== password)) {
        throw new BatonError('UNAUTHENTICATED', `Unknown user "${username}" or wrong password; this page knows ${options.users.map((u) => u.username).join(', ')}.`, { username });
      }
      subject = username;
      session?.setItem(sessionKey, username);
      return principal;
    },
    signOut() {
      subject = undefined;
      session?.removeItem(sessionKey);
    },
  };
}
