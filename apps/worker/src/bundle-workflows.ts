// Bundles the workflow code once at build time, so production workers start without
// running webpack. Part of `npm run build`; a failed bundle fails the build.
import { writeFileSync } from 'node:fs';
import { bundleWorkflowCode } from '@temporalio/worker';
import { DEFAULT_WORKFLOW_BUNDLE } from './plan-worker';

async function main(): Promise<void> {
  const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('../../../workflows') });
  writeFileSync(DEFAULT_WORKFLOW_BUNDLE, code);
  process.stdout.write(`Workflow bundle written to ${DEFAULT_WORKFLOW_BUNDLE} (${Math.round(code.length / 1024)} KiB)\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
