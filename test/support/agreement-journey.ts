// An agreement's steps as its holders take them through HTTP: claim the task, then decide;
// a signing first uploads its signed copy (the secretariat), as the web app's form does.
import { REVIEWER } from './plan-journey';
import { uploadSignedCopy, type SigningFields } from './agreement-documents';
import type { TestStack } from './test-stack';

export const AGREEMENT_SECRETARIAT = REVIEWER.VERIFICATION;

/** Who holds each step's task in Kota Bogor (the legal bureau's demo seat is hukum.kotabogor). */
export const AGREEMENT_HOLDER: Record<string, string> = {
  PREPARATION: AGREEMENT_SECRETARIAT,
  OFFER: AGREEMENT_SECRETARIAT,
  KB_DRAFTING: AGREEMENT_SECRETARIAT,
  KB_SIGNING: REVIEWER.HEAD_OF_REGION_APPROVAL,
  PKS_DRAFTING: AGREEMENT_SECRETARIAT,
  PKS_LEGAL_REVIEW: 'hukum.kotabogor',
  PKS_SIGNING: REVIEWER.HEAD_OF_REGION_APPROVAL,
  EVALUATION: AGREEMENT_SECRETARIAT,
};

export async function decideAgreementStep(stack: TestStack, agreementId: string, stage: string, body: Record<string, unknown> = {}) {
  const user = AGREEMENT_HOLDER[stage];
  await stack.as(user).post(`/agreements/${agreementId}/task/claim`).send({}).expect(200);
  const signed = body.signing as SigningFields | undefined;
  if (signed) await uploadSignedCopy(stack, AGREEMENT_SECRETARIAT, agreementId, stage === 'KB_SIGNING' ? 'KB' : 'PKS', signed).expect(201);
  return stack
    .as(user)
    .post(`/agreements/${agreementId}/steps`)
    .send({ stage, outcome: 'APPROVE', ...body })
    .expect(200);
}

/** Takes a started agreement through KB and PKS into force, with the numbers and term given. */
export async function agreementInForce(
  stack: TestStack,
  agreementId: string,
  numbers: { kb: string; pks: string },
  term: { startsOn: string; endsOn: string },
) {
  const signing = (number: string) => ({ number, signedOn: term.startsOn, signatories: ['Wali Kota Bogor', 'Bupati Bogor'] });
  for (const stage of ['PREPARATION', 'OFFER', 'KB_DRAFTING']) await decideAgreementStep(stack, agreementId, stage);
  await decideAgreementStep(stack, agreementId, 'KB_SIGNING', { signing: signing(numbers.kb) });
  await decideAgreementStep(stack, agreementId, 'PKS_DRAFTING');
  await decideAgreementStep(stack, agreementId, 'PKS_LEGAL_REVIEW');
  return decideAgreementStep(stack, agreementId, 'PKS_SIGNING', { signing: signing(numbers.pks), term });
}

/**
 * The expiry reminders an agreement's workflow dispatched, in the order it dispatched them,
 * over all its runs (oldest first), with each run's history length. Two reminders that fall
 * due together (after a worker restart) are delivered at once, so the order of the stored
 * notices is not theirs: this is.
 */
export async function dispatchedExpiryReminders(stack: TestStack, workflowId: string) {
  const runs: Array<{ runId: string; events: number; dispatched: string[] }> = [];
  for await (const execution of stack.temporal.workflow.list({ query: `WorkflowId = '${workflowId}'` })) {
    const history = await stack.temporal.workflow.getHandle(workflowId, execution.runId).fetchHistory();
    const dispatched = (history.events ?? [])
      .map((event) => event.startChildWorkflowExecutionInitiatedEventAttributes?.workflowId ?? '')
      .filter((child) => child.includes('agreement-expiry:'))
      .map((child) => child.split(':').pop()!);
    runs.push({ runId: execution.runId, events: history.events?.length ?? 0, dispatched });
  }
  return runs.reverse();
}
