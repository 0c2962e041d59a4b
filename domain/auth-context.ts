import type { Role, RoleGrant } from './role';

/** Who is acting, as every service receives it first: resolved per request from the store. */
export interface AuthContext {
  userId: string;
  username: string;
  displayName: string;
  grants: RoleGrant[];
}

export function hasRole(auth: AuthContext, role: Role, regionCode: string): boolean {
  return auth.grants.some((grant) => grant.role === role && grant.regionCode === regionCode);
}
