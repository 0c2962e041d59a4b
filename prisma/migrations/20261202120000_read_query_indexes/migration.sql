-- Indexes the read model's lists need at scale (issue 15): the plan list pages a
-- region's plans newest first, and the inbox a role's claimable open tasks in a region,
-- so each page is read in index order instead of sorting the region's rows; counts read
-- the same index. test/integration/read-query-indexes.test.ts checks the plans with EXPLAIN.

-- CreateIndex
CREATE INDEX "CooperationPlan_regionCode_createdAt_id_idx" ON "CooperationPlan"("regionCode", "createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "CooperationPlan_regionCode_stage_createdAt_id_idx" ON "CooperationPlan"("regionCode", "stage", "createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "ReviewTask_inbox_claimable_created_idx" ON "ReviewTask"("regionCode", "candidateRole", "status", "assigneeId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "ReviewTask_inbox_claimable_due_idx" ON "ReviewTask"("regionCode", "candidateRole", "status", "assigneeId", "dueAt", "createdAt");
