// The layers, checked by machine (`npm run lint`): a wrong import fails CI instead of
// waiting for a reviewer. Where a line belongs and what it may import:
//   domain/       pure rules and vocabulary; imports nothing else of ours
//   workflows/    deterministic process code; domain/, its own folder, activity *types*
//   activities/   thin adapters over persistence/ and domain/; platform/, workflow definitions
//   persistence/  the only code that touches Prisma; domain/, platform/
//   platform/     config, logging, Temporal connections, shutdown; domain/
//   apps/api      never activities/, never Prisma, only the definitions of workflows/
//   apps/web      its own code and domain/
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes two modules one: neither can be read, tested or moved alone.',
      from: { path: '^(domain|workflows|activities|persistence|platform|apps|prisma)/' },
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'domain/ holds rules and vocabulary every layer shares: it imports no other layer of ours (its specs may use test fixtures).',
      from: { path: '^domain/', pathNot: '\\.spec\\.ts$' },
      to: { path: '^(workflows|activities|persistence|platform|apps|prisma|test)/' },
    },
    {
      name: 'workflows-import-domain-and-activity-types',
      severity: 'error',
      comment: 'Workflow code is replayed: it may use domain/ and its own folder, and activities only as types (proxyActivities).',
      from: { path: '^workflows/', pathNot: '\\.spec\\.ts$' },
      to: { path: '^(persistence|platform|apps|prisma|test)/' },
    },
    {
      name: 'workflows-use-activities-as-types-only',
      severity: 'error',
      comment: 'A value import would bundle database code into the workflow sandbox.',
      from: { path: '^workflows/' },
      to: { path: '^activities/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'activities-are-adapters',
      severity: 'error',
      comment: 'Activities adapt persistence/ and domain/ to a workflow; they never reach an app, Prisma or workflow code beyond its definitions.',
      from: { path: '^activities/' },
      to: { path: '^(apps|prisma|test)/|^workflows/(?!.*definitions\\.ts$)' },
    },
    {
      name: 'persistence-below-processes',
      severity: 'error',
      comment: 'Repositories serve the API and the activities alike, so they import neither (nor workflows/).',
      from: { path: '^persistence/' },
      to: { path: '^(apps|activities|workflows|test)/' },
    },
    {
      name: 'only-persistence-touches-prisma',
      severity: 'error',
      comment: 'Every table has one writer module in persistence/; prisma/ holds the schema, migrations and install-time tools.',
      from: { path: '^(domain|workflows|activities|platform|apps/(api|worker|web))/' },
      to: { path: '^prisma/|node_modules/(@prisma|prisma)/' },
    },
    {
      name: 'platform-is-a-library',
      severity: 'error',
      comment: 'platform/ is shared by every process: it imports domain/ only.',
      from: { path: '^platform/' },
      to: { path: '^(workflows|activities|persistence|apps|prisma|test)/' },
    },
    {
      name: 'api-never-imports-activities',
      severity: 'error',
      comment: 'The API talks to workflows through their definitions and to the database through persistence/.',
      from: { path: '^apps/api/' },
      to: { path: '^activities/|^workflows/(?!.*definitions\\.ts$)' },
    },
    {
      name: 'web-imports-domain-only',
      severity: 'error',
      comment: 'The browser bundle may share pure domain code, nothing that runs on the server.',
      from: { path: '^apps/web/' },
      to: { path: '^(workflows|activities|persistence|platform|prisma|test)/|^apps/(api|worker|standalone|bench)/' },
    },
    {
      name: 'api-is-its-own-process',
      severity: 'error',
      comment: 'Processes share code through the layers, not through each other.',
      from: { path: '^apps/api/' },
      to: { path: '^apps/(worker|standalone|web|bench)/' },
    },
    {
      name: 'worker-is-its-own-process',
      severity: 'error',
      comment: 'Processes share code through the layers, not through each other.',
      from: { path: '^apps/worker/' },
      to: { path: '^apps/(api|standalone|web|bench)/' },
    },
    {
      name: 'no-node-builtins-in-workflows-or-domain',
      severity: 'error',
      comment: 'Workflow code runs in a deterministic sandbox; domain/ runs in the browser too.',
      from: { path: '^(workflows|domain)/', pathNot: '\\.spec\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'production-code-never-imports-tests',
      severity: 'error',
      comment: 'The benchmark, like the tests, may use the test fixtures.',
      from: { path: '^(domain|workflows|activities|persistence|platform|apps|prisma)/', pathNot: '\\.spec\\.ts$|^apps/bench/' },
      to: { path: '^test/|\\.spec\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|dist-bench|node_modules|prisma/generated)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mts', '.json'],
    },
  },
};
