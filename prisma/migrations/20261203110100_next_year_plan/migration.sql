-- The next year's draft an agreement's evaluation opens names the plan it carries on; unique,
-- so a retried activity finds the draft it made instead of making a second.
ALTER TABLE "CooperationPlan" ADD COLUMN "continuesPlanId" UUID;
CREATE UNIQUE INDEX "CooperationPlan_continuesPlanId_key" ON "CooperationPlan"("continuesPlanId");
