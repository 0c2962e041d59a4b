// Generates the Prisma client offline. `prisma generate` insists on locating a
// native schema engine before it runs, although generation never executes it, and
// the engine's download site is unreachable here: point it at an existing file.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= __filename;
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
execFileSync(process.execPath, [require.resolve('prisma/build/index.js'), 'generate', '--schema', path.join(__dirname, 'schema.prisma')], {
  stdio: 'inherit',
  env,
});
