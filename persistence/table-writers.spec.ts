// Every table has one writer module, and it is in persistence/: a second place that
// writes a table is how two copies of one rule drift apart. Install-time tools under
// prisma/ (migrations, reference-data seeds, db:create-admin) load data before any
// process runs and are not counted; nor is the benchmark (apps/bench), which fills a
// throwaway database with generated plans in bulk.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const RUNTIME_FOLDERS = ['domain', 'workflows', 'activities', 'persistence', 'platform', 'apps'];
const PRISMA_WRITE = /\b(?:prisma|tx|db|this\.prisma)\.(\w+)\.(?:create|createMany|createManyAndReturn|update|updateMany|upsert|delete|deleteMany)\(/g;
const SQL_WRITE = /\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"(\w+)"/gi;

function sourceFiles(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (name === 'node_modules' || name === 'web' || name === 'bench') continue;
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.tsx?$/.test(name) && !/\.(spec|test)\.tsx?$/.test(name)) found.push(full);
    }
  };
  walk(path.join(ROOT, folder));
  return found;
}

function writersByTable(): Map<string, Set<string>> {
  const writers = new Map<string, Set<string>>();
  for (const file of RUNTIME_FOLDERS.flatMap(sourceFiles)) {
    const text = readFileSync(file, 'utf8');
    const relative = path.relative(ROOT, file);
    for (const pattern of [PRISMA_WRITE, SQL_WRITE]) {
      for (const match of text.matchAll(pattern)) {
        const table = match[1][0].toLowerCase() + match[1].slice(1);
        if (!writers.has(table)) writers.set(table, new Set());
        writers.get(table)!.add(relative);
      }
    }
  }
  return writers;
}

describe('table writers', () => {
  const writers = writersByTable();

  it('finds the writes it looks for', () => {
    expect(writers.get('cooperationPlan')).toBeDefined();
    expect(writers.get('auditEvent')).toBeDefined();
  });

  it('writes every table from persistence/ only, each from one module', () => {
    const offending = [...writers].filter(([, files]) => files.size !== 1 || ![...files][0].startsWith('persistence/'));
    expect(offending.map(([table, files]) => `${table}: ${[...files].join(', ')}`)).toEqual([]);
  });
});
