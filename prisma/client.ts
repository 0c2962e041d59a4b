// The one way the application reaches PostgreSQL: Prisma Client over the pg driver
// adapter, so no native query engine is needed at run time.
import { PrismaPg } from '@prisma/adapter-pg';
import { Prisma, PrismaClient } from './generated/client';

export { PrismaClient, Prisma };
export * from './generated/enums';

export interface DatabaseOptions {
  url: string;
  /** Connections in the pool; the embedded database takes one. */
  poolMax: number;
}

export function createPrismaClient({ url, poolMax }: DatabaseOptions): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolMax }) });
}
