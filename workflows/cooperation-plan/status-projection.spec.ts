import { PlanStage } from '../../domain/plan-stage';
import type { PlanStatus } from './definitions';
import { StatusVersions } from './status-projection';

describe('StatusVersions', () => {
  it('gives a status the next version only when it differs from the last one taken, so an Update and the projection loop agree', () => {
    let status: PlanStatus = { planId: 'p', stage: PlanStage.VERIFICATION, revision: 1, transitions: [] };
    const versions = new StatusVersions(() => status);
    const first = versions.take();
    expect(first).toMatchObject({ version: 1, status: { stage: PlanStage.VERIFICATION } });
    expect(versions.take().version).toBe(1);
    expect(versions.changedSince(1)).toBe(false);
    expect(versions.changedSince(0)).toBe(true);
    status = { ...status, stage: PlanStage.BAPPEDA_REVIEW };
    expect(versions.changedSince(1)).toBe(true);
    expect(versions.take()).toMatchObject({ version: 2, status: { stage: PlanStage.BAPPEDA_REVIEW } });
    // A snapshot is a copy: later changes of the workflow's state do not alter one already answered.
    expect(first.status.stage).toBe(PlanStage.VERIFICATION);
  });
});
