// Applies and creates Prisma migrations without Prisma's native schema engine,
// which cannot be downloaded here: the same engine, published as WebAssembly, runs
// through the pg driver adapter. On Node 24 the .wasm import needs no flag (only `--no-warnings=ExperimentalWarning` to keep the output quiet).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Pool, type PoolConfig } from 'pg';
import { parse as parseConnectionString } from 'pg-connection-string';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm' with { 'resolution-mode': 'import' };

// Runs from source (tests) and from dist/prisma (built): find the folder holding the schema.
const PRISMA_DIR = existsSync(path.join(__dirname, 'schema.prisma')) ? __dirname : path.resolve(__dirname, '..', '..', 'prisma');
const MIGRATIONS_DIR = path.join(PRISMA_DIR, 'migrations');
const SCHEMA_PATH = path.join(PRISMA_DIR, 'schema.prisma');
const NO_FILTERS = { externalTables: [], externalEnums: [] };

type Log = (message: string) => void;

type PgAdapter = Awaited<ReturnType<PrismaPg['connect']>>;

/**
 * The pg adapter runs a migration script by splitting it at every ';', which breaks
 * any statement with a semicolon inside it (a PL/pgSQL function body). PostgreSQL runs
 * a multi-statement script itself, in one implicit transaction: send it whole.
 */
function runScriptsWhole(adapter: PgAdapter): PgAdapter {
  adapter.executeScript = async (script: string) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      (adapter as unknown as { onError(error: unknown): never }).onError(error);
    }
  };
  return adapter;
}

class WholeScriptPg extends PrismaPg {
  override async connect() {
    return runScriptsWhole(await super.connect());
  }
}

function loadMigrations(): MigrationList {
  const lockPath = path.join(MIGRATIONS_DIR, 'migration_lock.toml');
  const dirs = existsSync(MIGRATIONS_DIR)
    ? readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: {
      path: 'migration_lock.toml',
      content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((dir) => ({
      path: dir,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: readFileSync(path.join(MIGRATIONS_DIR, dir, 'migration.sql'), 'utf8') },
      },
    })),
  };
}

function toPoolConfig(databaseUrl: string): PoolConfig {
  const { database, host, port, user, password } = parseConnectionString(databaseUrl);
  return { database: database ?? undefined, host: host ?? undefined, port: port ? Number(port) : undefined, user, password, max: 1 };
}

async function withEngine<T>(databaseUrl: string, log: Log, run: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await import('@prisma/schema-engine-wasm');
  const schema = readFileSync(SCHEMA_PATH, 'utf8');
  // Our own pool, ended below: freeing the engine leaves the adapter's connection idle for
  // pg's 10 s timeout, and the embedded database refuses every other client meanwhile.
  const pool = new Pool(toPoolConfig(databaseUrl));
  const adapter = bindMigrationAwareSqlAdapterFactory(new WholeScriptPg(pool));
  try {
    const engine = await SchemaEngine.new({ datamodels: [['schema.prisma', schema]] }, (entry: string) => log(entry), adapter);
    try {
      return await run(engine);
    } finally {
      engine.free();
    }
  } finally {
    await pool.end();
  }
}

/** Applies every migration of prisma/migrations not yet recorded in the database (like `prisma migrate deploy`). */
export async function deployMigrations(databaseUrl: string, log: Log = () => undefined): Promise<string[]> {
  const { appliedMigrationNames } = await withEngine(databaseUrl, log, (engine) =>
    engine.applyMigrations({ migrationsList: loadMigrations(), filters: NO_FILTERS }),
  );
  return appliedMigrationNames;
}

/**
 * Writes a new migration folder with the SQL that takes `fromSchema` (by default the
 * committed prisma/schema.prisma) to the working copy. It diffs the two datamodels
 * offline: the WebAssembly engine cannot read back a live PostgreSQL catalog through
 * the pg adapter ("Column type 'char' could not be deserialized").
 */
export async function createMigration(databaseUrl: string, name: string, fromSchema?: string): Promise<string | null> {
  const schema = readFileSync(SCHEMA_PATH, 'utf8');
  const hasMigrations = loadMigrations().migrationDirectories.length > 0;
  const previous = fromSchema ?? (hasMigrations ? committedSchema() : undefined);
  const result = await withEngine(
    databaseUrl,
    () => undefined,
    (engine) =>
      engine.diff({
        from: previous ? { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: previous }] } : { tag: 'empty' },
        to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
        script: true,
        exitCode: null,
        filters: NO_FILTERS,
      }),
  );
  const sql = result.stdout ?? '';
  if (!sql.trim() || sql.includes('This is an empty migration')) return null;
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const folder = path.join(MIGRATIONS_DIR, `${stamp}_${name.replace(/[^a-z0-9_]/gi, '_')}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'migration.sql'), sql);
  const lockPath = path.join(MIGRATIONS_DIR, 'migration_lock.toml');
  if (!existsSync(lockPath)) writeFileSync(lockPath, 'provider = "postgresql"\n');
  return folder;
}

function committedSchema(): string {
  return execFileSync('git', ['show', 'HEAD:prisma/schema.prisma'], { cwd: PRISMA_DIR, encoding: 'utf8' });
}

async function main(): Promise<void> {
  const [command, name, fromFile] = process.argv.slice(2);
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL must name the PostgreSQL database to migrate');
  if (command === 'deploy') {
    const applied = await deployMigrations(databaseUrl);
    console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date');
  } else if (command === 'create' && name) {
    const folder = await createMigration(databaseUrl, name, fromFile ? readFileSync(fromFile, 'utf8') : undefined);
    console.log(folder ? `Wrote ${folder}` : 'The schema has no changes: no migration written');
  } else {
    throw new Error('usage: migrate deploy | migrate create <name> [<previous schema.prisma>]');
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
