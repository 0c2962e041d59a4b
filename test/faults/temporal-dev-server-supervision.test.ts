// Fault injection on `npm start`'s own Temporal dev server: an operator (or the OOM killer)
// kills it with SIGKILL. The launcher starts it again on the same port and state file, so
// a workflow started before the kill is still there, without anyone restarting Jalin.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { startTemporalDevServer, type TemporalDevServer } from '../../apps/standalone/src/temporal-dev-server';
import { testEnvironment } from '../support/environment';
import { findFreePort } from '../support/free-port';
import { waitFor } from '../support/wait';

jest.setTimeout(180_000);

let dir: string;
let server: TemporalDevServer | undefined;
afterAll(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function describeOnce(address: string, workflowId: string): Promise<string | undefined> {
  const connection = await Connection.connect({ address, connectTimeout: 2_000 }).catch(() => undefined);
  if (!connection) return undefined;
  try {
    return (await new Client({ connection }).workflow.getHandle(workflowId).describe()).status.name;
  } catch {
    return undefined;
  } finally {
    await connection.close();
  }
}

it('starts its Temporal dev server again after it was killed, with the state it had', async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'jalin-fault-supervision-'));
  const dbFile = path.join(dir, 'temporal.db');
  const logs: string[] = [];
  server = await startTemporalDevServer({ binary: testEnvironment().temporalCliPath, port: await findFreePort(), dbFile, log: (m) => logs.push(m) });
  const connection = await Connection.connect({ address: server.address });
  // A workflow no worker polls for: it stays RUNNING, in the server's state file.
  await new Client({ connection }).workflow.start('nobodyRunsThis', { taskQueue: 'supervision-check', workflowId: 'supervision-check' });
  await connection.close();
  const killed = (JSON.parse(await readFile(`${dbFile}.pid`, 'utf8')) as { pid: number }).pid;

  process.kill(killed, 'SIGKILL');

  await waitFor('the dev server to answer again', async () => (await describeOnce(server!.address, 'supervision-check')) === 'RUNNING', 120_000, 500);
  const restarted = (JSON.parse(await readFile(`${dbFile}.pid`, 'utf8')) as { pid: number }).pid;
  expect(restarted).not.toBe(killed);
  expect(logs.some((line) => line.includes('exited unexpectedly'))).toBe(true);
  expect(logs.some((line) => line.includes('is back'))).toBe(true);
});
