// `npm run bench`: every part of issue 15's benchmark, one after the other, each starting
// its own services on free ports and dropping its databases at the end: P3 reads at scale,
// P1/P2 lifecycles against the bare-Temporal baseline, P5 reminders falling due together.
// Each part's own options pass through (unknown ones are left to the part that takes them):
//
//   npm run bench -- [--plans 100000 --clients 50 --reads 2000] [--lifecycles 20 --concurrency 1,8]
//                    [--reminders 1000 --day-ms 20000] [--database-url postgresql://…] [--only reads,lifecycle,reminders]
//
// It prints figures; no test asserts timings.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const PARTS: Array<{ name: string; script: string; options: string[] }> = [
  { name: 'reads', script: 'read-scale.js', options: ['--plans', '--clients', '--reads'] },
  { name: 'lifecycle', script: 'lifecycle.js', options: ['--lifecycles', '--concurrency'] },
  { name: 'reminders', script: 'reminders.js', options: ['--reminders', '--day-ms'] },
];
const SHARED = ['--database-url'];

/** The `--name value` pairs of argv that `names` lists. */
function pick(argv: string[], names: string[]): string[] {
  const picked: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const [name, inline] = argv[i].split('=', 2);
    if (!names.includes(name)) continue;
    if (inline !== undefined) picked.push(argv[i]);
    else picked.push(argv[i], argv[(i += 1)]);
  }
  return picked;
}

const argv = process.argv.slice(2);
const onlyIndex = argv.indexOf('--only');
const only = onlyIndex >= 0 ? argv[onlyIndex + 1].split(',') : PARTS.map((part) => part.name);
let failed = 0;
for (const part of PARTS.filter(({ name }) => only.includes(name))) {
  const args = [...pick(argv, [...SHARED, ...part.options])];
  console.log(`\n=== ${part.name}: node ${part.script} ${args.join(' ')} (${new Date().toISOString()})`);
  const run = spawnSync(process.execPath, ['--no-warnings=ExperimentalWarning', path.join(__dirname, part.script), ...args], { stdio: 'inherit' });
  if (run.status !== 0) {
    failed += 1;
    console.log(`=== ${part.name} failed (exit ${run.status ?? run.signal})`);
  }
}
process.exit(failed === 0 ? 0 : 1);
