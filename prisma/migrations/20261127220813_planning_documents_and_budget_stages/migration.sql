-- CreateEnum
CREATE TYPE "DocumentLineFlag" AS ENUM ('RKPD_AMENDMENT', 'DOCUMENT_AMENDMENT', 'DPRD_AGREEMENT_RECORD');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "PlanStage" ADD VALUE 'DPRD_APPROVAL';
ALTER TYPE "PlanStage" ADD VALUE 'RKA_CONFIRMATION';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "PlanningDocumentKind" ADD VALUE 'RENJA';
ALTER TYPE "PlanningDocumentKind" ADD VALUE 'KUA_PPAS';
ALTER TYPE "PlanningDocumentKind" ADD VALUE 'RKA';
ALTER TYPE "PlanningDocumentKind" ADD VALUE 'APBD';
ALTER TYPE "PlanningDocumentKind" ADD VALUE 'DPA';

-- DropIndex
DROP INDEX "PlanningDocument_kind_regionCode_budgetYear_key";

-- AlterTable
ALTER TABLE "PlanningDocument" ADD COLUMN     "agency" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "changeSeq" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "finalAt" TIMESTAMPTZ(3),
ADD COLUMN     "stateChangedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "DocumentLine" ADD COLUMN     "agency" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "ceiling" BIGINT,
ADD COLUMN     "flag" "DocumentLineFlag",
ADD COLUMN     "fundingSource" TEXT;

-- CreateTable
CREATE TABLE "DocumentChange" (
    "id" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "dispatchedAt" TIMESTAMPTZ(3),
    "deliveredAt" TIMESTAMPTZ(3),

    CONSTRAINT "DocumentChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DocumentChange_dispatchedAt_idx" ON "DocumentChange"("dispatchedAt");

-- CreateIndex
CREATE UNIQUE INDEX "DocumentChange_documentId_seq_key" ON "DocumentChange"("documentId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "PlanningDocument_kind_regionCode_budgetYear_agency_key" ON "PlanningDocument"("kind", "regionCode", "budgetYear", "agency");

-- AddForeignKey
ALTER TABLE "DocumentChange" ADD CONSTRAINT "DocumentChange_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "PlanningDocument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
