// A fresh database per test file, cloned from the migrated template.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createPrismaClient, type PrismaClient } from '../../prisma/client';
import { databaseUrlFor, testEnvironment } from './environment';

export interface TestDatabase {
  url: string;
  prisma: PrismaClient;
  drop(): Promise<void>;
}

async function admin<T>(run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrlFor(testEnvironment().templateDatabaseUrl, 'postgres') });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const env = testEnvironment();
  const template = new URL(env.templateDatabaseUrl).pathname.slice(1);
  const name = `jalin_test_${env.runId}_${randomBytes(4).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  const url = databaseUrlFor(env.templateDatabaseUrl, name);
  const prisma = createPrismaClient({ url, poolMax: 5 });
  return {
    url,
    prisma,
    drop: async () => {
      await prisma.$disconnect();
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
