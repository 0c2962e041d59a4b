// Replays committed histories of real plan workflows against today's workflow code:
// a change that would break running plans (non-determinism) fails here. Intended
// changes use patched(); record new histories with `npm run histories:record`.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { REPO_ROOT, testEnvironment } from '../support/environment';
import { quietTemporalRuntime } from '../support/quiet-temporal-runtime';

const HISTORIES = path.join(REPO_ROOT, 'test', 'histories');

function committedHistories() {
  return readdirSync(HISTORIES)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ workflowId: path.basename(file, '.json'), history: historyFromJSON(JSON.parse(readFileSync(path.join(HISTORIES, file), 'utf8'))) }));
}

quietTemporalRuntime();

describe('committed workflow histories', () => {
  const histories = committedHistories();

  it('include every recorded lifecycle', () => {
    expect(histories.map((h) => h.workflowId)).toEqual(
      expect.arrayContaining([
        'happy-path',
        'return-for-revision',
        'rejection',
        'dprd-approval',
        'reminders-and-escalation',
        'calendar-change',
        'mapping-report-return-round',
        'mapping-report-province',
        'reporting-deadline-reminders',
        'agreement-terminated',
        'agreement-term-ended-continue',
        'agreement-expiry-reminders',
        'agreement-task-escalation',
        'agreement-terminated-with-step-deadlines',
        'agreement-term-ended-continue-with-step-deadlines',
        'agreement-expiry-reminders-with-step-deadlines',
        'agreement-five-year-last-run',
        'agreement-obligation-overdue',
        'agreement-obligation-fulfilled',
      ]),
    );
  });

  it('replay without non-determinism', async () => {
    const results = [];
    for await (const result of Worker.runReplayHistories({ workflowBundle: { codePath: testEnvironment().workflowBundlePath } }, histories)) {
      results.push(result);
    }
    expect(results.map((r) => [r.workflowId, r.error?.message])).toEqual(histories.map((h) => [h.workflowId, undefined]));
  });
});
