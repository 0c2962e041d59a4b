// Issue 13: a missed milestone's remedy, once recorded, reaches the officer and Bappeda
// exactly once, even when the stage closes between the recording and the notice. The
// worker holds the deadline activity after it has recorded the remedy until the test
// has approved the stage, so the race happens every time.
import type { ActivityInboundCallsInterceptor } from '@temporalio/worker';
import { REVIEWER, decide, planAt } from '../support/plan-journey';
import { startTestStack, type TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait';

/** Holds the first deadline activity of the Bappeda stage, after it ran, until released. */
class DeadlineGate {
  private release!: () => void;
  private readonly released = new Promise<void>((resolve) => (this.release = resolve));
  reached = false;
  private armed = true;

  interceptor(): ActivityInboundCallsInterceptor {
    return {
      execute: async (input, next) => {
        const result = await next(input);
        const request = input.args[0] as { stage?: string } | undefined;
        if (this.armed && request?.stage === 'BAPPEDA_REVIEW' && !('at' in request)) {
          this.armed = false;
          this.reached = true;
          await this.released;
        }
        return result;
      },
    };
  }

  open(): void {
    this.release();
  }
}

describe('the missed-milestone notice', () => {
  let stack: TestStack;
  const gate = new DeadlineGate();
  beforeAll(async () => {
    stack = await startTestStack(
      {},
      { workerInterceptors: { activity: [(ctx) => (ctx.info.activityType === 'planStageDeadline' ? { inbound: gate.interceptor() } : {})] } },
    );
  });
  afterAll(async () => {
    gate.open();
    await stack?.stop();
  });

  it('reaches the officer and Bappeda once even when the plan ends before the workflow sees the remedy', async () => {
    const planId = await planAt(stack, 'BAPPEDA_REVIEW');
    // Budget year 2027: the RKPD was set on 30 Jun 2026, so the remedy is recorded on entry.
    await waitFor('the deadline activity to record the remedy', () => gate.reached);
    const audit = await stack.database.prisma.auditEvent.findMany({ where: { planId, action: 'MILESTONE_MISSED' } });
    expect(audit).toHaveLength(1);
    // The stage closes, and with it the plan (no later stage tells the remedy instead),
    // while the workflow has not yet had the activity's answer.
    await decide(stack, planId, 'BAPPEDA_REVIEW', 'REJECT', 'Tidak sejalan dengan RKPD 2027').expect(200);
    gate.open();

    const key = `plan:${planId}:remedy:RKPD_SET`;
    const officer = await stack.database.prisma.user.findUniqueOrThrow({ where: { username: 'officer.kotabogor' } });
    const bappeda = await stack.database.prisma.user.findUniqueOrThrow({ where: { username: REVIEWER.BAPPEDA_REVIEW } });
    const rows = await waitFor('the remedy notice for the officer and Bappeda', async () => {
      const found = await stack.database.prisma.notification.findMany({ where: { key } });
      const users = new Set(found.map((row) => row.userId));
      return users.has(officer.id) && users.has(bappeda.id) && found;
    });
    expect(rows.every((row) => row.template === 'MILESTONE_MISSED' && row.planId === planId)).toBe(true);
    // Once each: no user holds two rows of the notice.
    expect(new Set(rows.map((row) => row.userId)).size).toBe(rows.length);
    const view = await stack.as(REVIEWER.BAPPEDA_REVIEW).get(`/plans/${planId}`).expect(200);
    expect(view.body.remedy).toMatchObject({ milestone: 'RKPD_SET', remedy: 'RKPD_AMENDMENT' });
  });
});
