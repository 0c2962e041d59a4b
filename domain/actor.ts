// Who acts on a plan: a person, and the roles they hold in the plan's region.
import type { Role } from './role';

/** A person acting on the plan, with the roles they hold in the plan's region. */
export interface Actor {
  userId: string;
  name: string;
  roles: Role[];
}

export interface Person {
  userId: string;
  name: string;
}
