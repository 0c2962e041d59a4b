-- Cooperation agreements (KB, PKS) after a COMPLETED plan: one per plan, its moves, and the
-- review-task inbox generalised so a task's subject is a plan or its agreement.
ALTER TYPE "Role" ADD VALUE 'LEGAL_BUREAU' BEFORE 'ADMIN';

CREATE TYPE "TaskSubject" AS ENUM ('PLAN', 'AGREEMENT');

CREATE TYPE "AgreementStage" AS ENUM ('PREPARATION', 'OFFER', 'KB_DRAFTING', 'KB_SIGNING', 'DPRD_APPROVAL', 'PKS_DRAFTING', 'PKS_LEGAL_REVIEW', 'PKS_SIGNING', 'IMPLEMENTATION', 'EVALUATION', 'TERMINATED', 'EXPIRED', 'CONCLUDED');

CREATE TABLE "Agreement" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "regionCode" TEXT NOT NULL,
    "budgetYear" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "owningAgency" TEXT NOT NULL,
    "partnerInitiated" BOOLEAN NOT NULL DEFAULT false,
    "dprdApprovalOwed" BOOLEAN NOT NULL DEFAULT false,
    "stage" "AgreementStage" NOT NULL DEFAULT 'PREPARATION',
    "pksNumber" TEXT,
    "pksSignedOn" TEXT,
    "kbNumber" TEXT,
    "kbSignedOn" TEXT,
    "startsOn" TEXT,
    "endsOn" TEXT,
    "lastSequence" INTEGER NOT NULL DEFAULT 0,
    "startedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Agreement_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "AgreementTransition" (
    "agreementId" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "fromStage" "AgreementStage" NOT NULL,
    "toStage" "AgreementStage" NOT NULL,
    "outcome" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "actorId" UUID,
    "comment" TEXT,
    "details" JSONB,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "AgreementTransition_pkey" PRIMARY KEY ("agreementId","sequence")
);

CREATE UNIQUE INDEX "Agreement_planId_key" ON "Agreement"("planId");
CREATE UNIQUE INDEX "Agreement_regionCode_pksNumber_key" ON "Agreement"("regionCode", "pksNumber");
CREATE UNIQUE INDEX "Agreement_regionCode_kbNumber_key" ON "Agreement"("regionCode", "kbNumber");
CREATE INDEX "Agreement_regionCode_stage_endsOn_idx" ON "Agreement"("regionCode", "stage", "endsOn");
CREATE INDEX "Agreement_regionCode_createdAt_id_idx" ON "Agreement"("regionCode", "createdAt", "id");

ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_planId_fkey" FOREIGN KEY ("planId") REFERENCES "CooperationPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AgreementTransition" ADD CONSTRAINT "AgreementTransition_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The inbox: a task's subject, and for an agreement's task its agreement and stage.
ALTER TABLE "ReviewTask" ADD COLUMN "subject" "TaskSubject" NOT NULL DEFAULT 'PLAN',
ADD COLUMN "agreementId" UUID,
ADD COLUMN "agreementStage" "AgreementStage";

DROP INDEX "ReviewTask_planId_openSequence_key";
CREATE UNIQUE INDEX "ReviewTask_planId_subject_openSequence_key" ON "ReviewTask"("planId", "subject", "openSequence");
CREATE INDEX "ReviewTask_agreementId_status_idx" ON "ReviewTask"("agreementId", "status");
ALTER TABLE "ReviewTask" ADD CONSTRAINT "ReviewTask_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
