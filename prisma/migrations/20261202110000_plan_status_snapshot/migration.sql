-- CreateTable
CREATE TABLE "PlanStatusSnapshot" (
    "planId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "status" JSONB NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PlanStatusSnapshot_pkey" PRIMARY KEY ("planId")
);

-- AddForeignKey
ALTER TABLE "PlanStatusSnapshot" ADD CONSTRAINT "PlanStatusSnapshot_planId_fkey" FOREIGN KEY ("planId") REFERENCES "CooperationPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
