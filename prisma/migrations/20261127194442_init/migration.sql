-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "PlanStage" AS ENUM ('DRAFT', 'VERIFICATION', 'BAPPEDA_REVIEW', 'DOCUMENT_SYNC', 'BUDGET_SIGNOFF', 'COMPLETED', 'REJECTED');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "PlanningDocumentKind" AS ENUM ('RKPD');

-- CreateEnum
CREATE TYPE "PlanningDocumentState" AS ENUM ('RANCANGAN_AWAL', 'RANCANGAN', 'RANCANGAN_AKHIR', 'FINAL');

-- CreateEnum
CREATE TYPE "DocumentLineStatus" AS ENUM ('ACTIVE', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "CooperationPlan" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "regionCode" TEXT NOT NULL,
    "budgetYear" INTEGER NOT NULL,
    "proposingAgency" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "draftVersion" INTEGER NOT NULL DEFAULT 1,
    "stage" "PlanStage" NOT NULL DEFAULT 'DRAFT',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "lastSequence" INTEGER NOT NULL DEFAULT 0,
    "workflowId" TEXT,
    "lastComment" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CooperationPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanLineItem" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "nomenclatureCode" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,

    CONSTRAINT "PlanLineItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanRevision" (
    "planId" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "submittedBy" TEXT NOT NULL,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PlanRevision_pkey" PRIMARY KEY ("planId","revision")
);

-- CreateTable
CREATE TABLE "PlanTransition" (
    "planId" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "fromStage" "PlanStage" NOT NULL,
    "toStage" "PlanStage" NOT NULL,
    "action" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "actor" TEXT NOT NULL,
    "comment" TEXT,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "requestId" TEXT,

    CONSTRAINT "PlanTransition_pkey" PRIMARY KEY ("planId","sequence")
);

-- CreateTable
CREATE TABLE "ReviewTask" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "stage" "PlanStage" NOT NULL,
    "revision" INTEGER NOT NULL,
    "openSequence" INTEGER NOT NULL,
    "status" "TaskStatus" NOT NULL DEFAULT 'OPEN',
    "regionCode" TEXT NOT NULL,
    "budgetYear" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "closedAt" TIMESTAMPTZ(3),
    "decision" TEXT,
    "decidedBy" TEXT,

    CONSTRAINT "ReviewTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanningDocument" (
    "id" UUID NOT NULL,
    "kind" "PlanningDocumentKind" NOT NULL,
    "regionCode" TEXT NOT NULL,
    "budgetYear" INTEGER NOT NULL,
    "state" "PlanningDocumentState" NOT NULL DEFAULT 'RANCANGAN_AWAL',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PlanningDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentLine" (
    "id" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "lineKey" TEXT NOT NULL,
    "planRevision" INTEGER NOT NULL,
    "nomenclatureCode" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "status" "DocumentLineStatus" NOT NULL DEFAULT 'ACTIVE',
    "syncedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DocumentLine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CooperationPlan_regionCode_budgetYear_idx" ON "CooperationPlan"("regionCode", "budgetYear");

-- CreateIndex
CREATE INDEX "CooperationPlan_stage_idx" ON "CooperationPlan"("stage");

-- CreateIndex
CREATE UNIQUE INDEX "PlanLineItem_planId_position_key" ON "PlanLineItem"("planId", "position");

-- CreateIndex
CREATE INDEX "ReviewTask_status_stage_idx" ON "ReviewTask"("status", "stage");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewTask_planId_openSequence_key" ON "ReviewTask"("planId", "openSequence");

-- CreateIndex
CREATE UNIQUE INDEX "PlanningDocument_kind_regionCode_budgetYear_key" ON "PlanningDocument"("kind", "regionCode", "budgetYear");

-- CreateIndex
CREATE INDEX "DocumentLine_planId_idx" ON "DocumentLine"("planId");

-- CreateIndex
CREATE UNIQUE INDEX "DocumentLine_documentId_planId_lineKey_key" ON "DocumentLine"("documentId", "planId", "lineKey");

-- AddForeignKey
ALTER TABLE "PlanLineItem" ADD CONSTRAINT "PlanLineItem_planId_fkey" FOREIGN KEY ("planId") REFERENCES "CooperationPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanRevision" ADD CONSTRAINT "PlanRevision_planId_fkey" FOREIGN KEY ("planId") REFERENCES "CooperationPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanTransition" ADD CONSTRAINT "PlanTransition_planId_fkey" FOREIGN KEY ("planId") REFERENCES "CooperationPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewTask" ADD CONSTRAINT "ReviewTask_planId_fkey" FOREIGN KEY ("planId") REFERENCES "CooperationPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentLine" ADD CONSTRAINT "DocumentLine_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "PlanningDocument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
