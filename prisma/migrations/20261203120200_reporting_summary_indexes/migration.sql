-- The national reporting summary (issue 18) at 552 regions and 100 000 plans: counts per
-- region and cooperation type from the index alone, and the active lines' plans per
-- planning document (see apps/bench/src/national-summary.ts for the figures).

-- CreateIndex
CREATE INDEX "CooperationPlan_budgetYear_regionCode_cooperationType_stage_idx" ON "CooperationPlan"("budgetYear", "regionCode", "cooperationType", "stage");

-- CreateIndex
CREATE INDEX "DocumentLine_documentId_status_planId_idx" ON "DocumentLine"("documentId", "status", "planId");
