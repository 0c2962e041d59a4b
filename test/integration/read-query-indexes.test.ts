// The read model's list queries at scale (issue 15): on a database seeded with 20,000
// plans and 40,000 review tasks, the plan list and the reviewer's inbox, as the
// repositories send them, are planned on the indexes of migration
// 20261202120000_read_query_indexes, never a sequential scan of the big tables. Plans are
// checked with EXPLAIN, not timed; the seeded shape (20 regions, one open task a plan)
// is what a province's read model looks like.
import { Client } from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../prisma/client';
import type { AuthContext } from '../../domain/auth-context';
import { PlanRepository } from '../../persistence/plan.repository';
import { ReviewTaskRepository, type InboxQuery } from '../../persistence/review-task.repository';
import { seedReadModel } from '../../apps/bench/src/read-model-seed';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const PLANS = 20_000;
const REGIONS = 20;
const REGION = '32.01';

let database: TestDatabase;
let sql: Client;
let traced: PrismaClient;
let statements: { query: string; params: unknown[] }[] = [];

async function seed(): Promise<void> {
  await seedReadModel(sql, { plans: PLANS, regions: REGIONS });
}

/** The plan of each SELECT on a big table that the action sent, as JSON nodes. */
async function plansOf(action: () => Promise<unknown>): Promise<{ query: string; nodes: Record<string, unknown>[] }[]> {
  statements = [];
  await action();
  const selects = statements.filter(({ query }) => /^SELECT/i.test(query) && /"(CooperationPlan|ReviewTask)"/.test(query));
  expect(selects.length).toBeGreaterThan(0);
  return Promise.all(
    selects.map(async ({ query, params }) => {
      const { rows } = await sql.query(`EXPLAIN (FORMAT JSON) ${query}`, params);
      const nodes: Record<string, unknown>[] = [];
      const walk = (node: Record<string, unknown>) => {
        nodes.push(node);
        for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
      };
      walk((rows[0] as { 'QUERY PLAN': { Plan: Record<string, unknown> }[] })['QUERY PLAN'][0].Plan);
      return { query, nodes };
    }),
  );
}

function seqScansOnBigTables(plans: { nodes: Record<string, unknown>[] }[]): string[] {
  return plans.flatMap(({ nodes }) =>
    nodes
      .filter((node) => node['Node Type'] === 'Seq Scan' && ['CooperationPlan', 'ReviewTask'].includes(node['Relation Name'] as string))
      .map((node) => node['Relation Name'] as string),
  );
}

function indexesUsed(plans: { nodes: Record<string, unknown>[] }[]): string[] {
  return plans.flatMap(({ nodes }) => nodes.map((node) => node['Index Name'] as string | undefined).filter((name): name is string => !!name));
}

beforeAll(async () => {
  database = await createTestDatabase();
  sql = new Client({ connectionString: database.url });
  await sql.connect();
  await seed();
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url, max: 2 }), log: [{ emit: 'event', level: 'query' }] });
  client.$on('query', (event) => statements.push({ query: event.query, params: JSON.parse(event.params) as unknown[] }));
  traced = client;
}, 120_000);
afterAll(async () => {
  await traced?.$disconnect();
  await sql?.end();
  await database?.drop();
});

describe('the plan list at scale', () => {
  const plans = () => new PlanRepository(traced);
  const grants = [{ role: 'BAPPEDA' as const, regionCode: REGION }];

  it('reads a region’s newest plans and their count on its index, first page and after a cursor', async () => {
    const first = await plans().list({ page: 1, pageSize: 20 }, grants);
    expect(first.items).toHaveLength(20);
    expect(first.total).toBe(PLANS / REGIONS);
    const explained = await plansOf(() => plans().list({ page: 1, pageSize: 20, cursor: first.nextCursor! }, grants));
    expect(seqScansOnBigTables(explained)).toEqual([]);
    expect(indexesUsed(explained)).toContain('CooperationPlan_regionCode_createdAt_id_idx');
  });

  it('pages by cursor through the same rows as by number', async () => {
    const second = await plans().list({ page: 2, pageSize: 20 }, grants);
    const first = await plans().list({ page: 1, pageSize: 20 }, grants);
    const next = await plans().list({ page: 1, pageSize: 20, cursor: first.nextCursor! }, grants);
    expect(next.items.map((plan) => plan.id)).toEqual(second.items.map((plan) => plan.id));
  });

  it('filters by stage on the stage index', async () => {
    const explained = await plansOf(() => plans().list({ page: 1, pageSize: 20, stage: 'BAPPEDA_REVIEW' }, grants));
    expect(seqScansOnBigTables(explained)).toEqual([]);
    expect(indexesUsed(explained)).toContain('CooperationPlan_regionCode_stage_createdAt_id_idx');
  });
});

describe('the reviewer’s inbox at scale', () => {
  const tasks = () => new ReviewTaskRepository(traced);
  const auth: AuthContext = {
    userId: '00000000-0000-4000-8000-000000000001',
    username: 'bappeda',
    displayName: 'Bappeda',
    grants: [{ role: 'BAPPEDA', regionCode: REGION }],
  };
  const query = (sort: InboxQuery['sort'], cursor?: string): InboxQuery => ({ scope: 'available', sort, page: 1, pageSize: 20, cursor });

  it.each(['created', 'due'] as const)('reads the claimable tasks sorted by %s, their count and stages on the inbox index', async (sort) => {
    const first = await tasks().inbox(auth, query(sort));
    expect(first.items).toHaveLength(20);
    const explained = await plansOf(() => tasks().inbox(auth, query(sort, first.nextCursor!)));
    expect(seqScansOnBigTables(explained)).toEqual([]);
    expect(indexesUsed(explained)).toContain(sort === 'due' ? 'ReviewTask_inbox_claimable_due_idx' : 'ReviewTask_inbox_claimable_created_idx');
  });

  it('pages by cursor through the same tasks as by number', async () => {
    const first = await tasks().inbox(auth, query('due'));
    const second = await tasks().inbox(auth, { ...query('due'), page: 2 });
    const next = await tasks().inbox(auth, query('due', first.nextCursor!));
    expect(next.items.map((task) => task.id)).toEqual(second.items.map((task) => task.id));
  });

  it('refuses a cursor of another sort as bad input', async () => {
    const first = await tasks().inbox(auth, query('due'));
    await expect(tasks().inbox(auth, query('created', first.nextCursor!))).rejects.toMatchObject({
      violations: [{ field: 'cursor', reason: 'INVALID_CURSOR' }],
    });
  });
});
