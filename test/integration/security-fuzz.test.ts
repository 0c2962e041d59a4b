// Issue 14: no request, anonymous or not, may make the API fail (5xx) or change anything
// when it is bad. For every write operation of the OpenAPI document (the one the web app
// is typed from), fast-check generates payloads that are wrong on purpose: a body that is
// not an object, a field of the wrong type, text PostgreSQL cannot store, nesting too
// deep, an unknown field, and path parameters that name nothing. Each must answer 4xx,
// and the database must be exactly as before once all have run.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import openApi from '../../apps/web/src/api/openapi.json';
import { newPlanBody } from '../support/plan-fixtures';
import { startTestStack, type TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  nullable?: boolean;
  maxLength?: number;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
}
interface Operation {
  parameters?: Array<{ in: string; name: string }>;
  requestBody?: { content: Record<string, { schema: Schema }> };
}

const components = (openApi as unknown as { components: { schemas: Record<string, Schema> } }).components.schemas;
const resolve = (schema: Schema): Schema => {
  if (schema.$ref) return resolve(components[schema.$ref.split('/').at(-1)!]);
  if (schema.allOf?.length === 1) return resolve(schema.allOf[0]);
  return schema;
};

const WRITE_METHODS = ['post', 'put', 'patch', 'delete'] as const;
const operations = Object.entries((openApi as unknown as { paths: Record<string, Record<string, Operation>> }).paths).flatMap(([path, item]) =>
  WRITE_METHODS.filter((method) => item[method]).map((method) => ({ method, path, operation: item[method] })),
);

/** Text no field may hold, whatever its rules. */
const unstorableText = fc.oneof(
  fc.string().map((s) => `${s}\u0000`),
  fc.string().map((s) => `${s}\ud800`),
  fc.string().map((s) => `\udc00${s}`),
);
const deeplyNested = fc.integer({ min: 40, max: 200 }).map((depth) => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`) as unknown);
const notAString = fc.oneof(fc.integer(), fc.boolean(), fc.dictionary(fc.string(), fc.integer(), { maxKeys: 3 }), fc.array(fc.integer(), { maxLength: 3 }));
const notANumber = fc.oneof(
  fc.constantFrom('abc', '', '1e999x', 'NaN'),
  fc.boolean(),
  fc.double({ noInteger: true, noNaN: true }).filter((n) => !Number.isInteger(n)),
  fc.constant([1]),
  fc.constant({ n: 1 }),
);

/** A value the property can never accept. */
function badValueFor(schema: Schema): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  const bad: Array<fc.Arbitrary<unknown>> = [deeplyNested];
  if (s.enum)
    bad.push(
      fc.string({ minLength: 1 }).filter((value) => !s.enum!.includes(value)),
      fc.integer(),
    );
  else if (s.type === 'string') {
    bad.push(unstorableText, notAString);
    if (s.maxLength) bad.push(fc.constant('x'.repeat(s.maxLength + 1)));
  } else if (s.type === 'number' || s.type === 'integer') bad.push(notANumber);
  else if (s.type === 'boolean') bad.push(fc.constantFrom('yes', 'true ', 2, [true], { v: true }));
  else if (s.type === 'array') bad.push(fc.string(), fc.integer(), fc.constant({ 0: 'x' }));
  else bad.push(fc.string(), fc.integer(), fc.constant([]));
  return fc.oneof(...bad);
}

/** A body the operation must refuse. */
function badBody(schema: Schema | undefined): fc.Arbitrary<unknown> {
  const s = schema ? resolve(schema) : {};
  const props = Object.entries(s.properties ?? {});
  const choices: Array<fc.Arbitrary<unknown>> = [
    fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.array(fc.jsonValue(), { maxLength: 3 })),
    fc
      .record({ key: fc.string({ minLength: 1 }).filter((key) => !(key in (s.properties ?? {})) && key !== '__proto__'), value: fc.jsonValue() })
      .map(({ key, value }) => ({ [key]: value })),
  ];
  if (props.length) {
    choices.push(
      fc
        .constantFrom(...props)
        .chain(([name, prop]) => badValueFor(prop).map((value) => ({ [name]: value })))
        // The other fields as a valid request might have them, so the bad one is what is refused.
        .map((bad) => ({ ...newPlanBody(), ...bad })),
    );
  }
  return fc.oneof(...choices);
}

const badPathParameter = fc.constantFrom(
  'not-a-uuid',
  '%00',
  'a%00b',
  '..%2F..%2Fetc%2Fpasswd',
  'x'.repeat(400),
  '%ED%A0%80',
  '-1',
  '99999999999999999999',
  '32.71%27--',
);

/** The whole database, table by table: what "no change visible" is measured against. */
async function fingerprint(): Promise<string> {
  const prisma = stack.database.prisma;
  const tables = await prisma.$queryRawUnsafe<Array<{ name: string }>>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  );
  const parts: string[] = [];
  for (const { name } of tables) {
    const [row] = await prisma.$queryRawUnsafe<Array<{ h: string }>>(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM "${name}" t`,
    );
    parts.push(`${name}:${row.h}`);
  }
  return parts.join('\n');
}

const USERS = ['officer.kotabogor', 'admin.kotabogor', 'tapd.kotabogor', 'sekretariat.kotabogor'] as const;

it('answers every bad payload to every write operation 4xx and changes nothing', async () => {
  expect(operations.length).toBeGreaterThan(30);
  const planId = (await stack.as('officer.kotabogor').post('/plans').send(newPlanBody()).expect(201)).body.id as string;
  const userId = (await stack.database.prisma.user.findUniqueOrThrow({ where: { username: 'tkksd3.kotabogor' } })).id;
  const realIds = [planId, userId, randomUUID()];

  // The draft's projection may still be settling: start from a database that stands still.
  let before = await fingerprint();
  await waitFor('the database to stand still', async () => {
    const now = await fingerprint();
    const still = now === before;
    before = now;
    return still;
  });

  const answers: string[] = [];
  for (const { method, path, operation } of operations) {
    const params = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
    const content = operation.requestBody?.content ?? {};
    const jsonSchema = content['application/json']?.schema;
    const hasBody = Object.keys(content).length > 0;
    // Nothing to get wrong in an operation without input (e.g. logout, read-all).
    if (!hasBody && params.length === 0) continue;
    // Real ids only with a body that is bad: otherwise the request could be a valid one.
    const parameter = hasBody ? fc.oneof(fc.constantFrom(...realIds), badPathParameter) : fc.oneof(badPathParameter, fc.uuid());
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...USERS),
        fc.tuple(...params.map(() => parameter)),
        hasBody ? badBody(jsonSchema) : fc.constant(undefined),
        async (username, values, body) => {
          let url = path;
          params.forEach((name, index) => (url = url.replace(`{${name}}`, String(values[index]))));
          const request = stack.as(username)[method](url);
          const response = await (body === undefined ? request : request.set('Content-Type', 'application/json').send(JSON.stringify(body)));
          answers.push(`${response.status} ${method.toUpperCase()} ${path}`);
          if (response.status < 400 || response.status >= 500) {
            throw new Error(
              `${method.toUpperCase()} ${url} answered ${response.status} to ${JSON.stringify(body)?.slice(0, 300)}: ${response.text.slice(0, 300)}`,
            );
          }
        },
      ),
      { numRuns: 12 },
    );
  }
  expect(answers.length).toBeGreaterThan(300);
  // Most reach validation rather than stopping at a guard: the payloads are what is tested.
  expect(answers.filter((answer) => answer.startsWith('400 ')).length).toBeGreaterThan(answers.length / 2);
  expect(await fingerprint()).toBe(before);
});
