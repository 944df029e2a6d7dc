/** The roles of issue 7 (and `store`, issue 17); an account may hold several, and they add up. */
export const roles = ['admin', 'operator', 'worker', 'user', 'store'] as const;
export type Role = (typeof roles)[number];

/** How the caller proved who they are. */
export type CredentialKind = 'session' | 'apiKey' | 'bearer' | 'basic';

/** Who is calling, as every authorization check sees it. */
export interface Principal {
  /** The username, API key id, or the JWT's username claim. */
  readonly subject: string;
  readonly via: CredentialKind;
  readonly roles: readonly Role[];
  readonly groups: readonly string[];
  /** Job types a worker may activate and complete; `*` means every type. */
  readonly jobTypes: readonly string[];
  /** Sessions only: the token state-changing requests must echo in `x-csrf-token`. */
  readonly csrfToken?: string;
}

/** Whether `principal` holds any of `wanted`. */
export function hasRole(principal: Principal, ...wanted: readonly Role[]): boolean {
  return wanted.some((role) => principal.roles.includes(role));
}

/** Whether a worker principal may act on jobs of `jobType`. */
export function mayWorkOn(principal: Principal, jobType: string): boolean {
  return hasRole(principal, 'worker') && (principal.jobTypes.includes('*') || principal.jobTypes.includes(jobType));
}

/** Keeps the known roles of a list read from a file or a token, dropping the rest. */
export function knownRoles(values: readonly unknown[]): Role[] {
  return values.filter((value): value is Role => typeof value === 'string' && (roles as readonly string[]).includes(value));
}
