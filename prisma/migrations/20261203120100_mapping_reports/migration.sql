-- Issue 18: a region's mapping report per budget year, its immutable revisions, its steps,
-- the reporting deadline per budget year, and the notices of the deadline check.
-- CreateEnum
CREATE TYPE "MappingReportStatus" AS ENUM ('DRAFTING', 'SIGNED', 'SUBMITTED', 'RETURNED', 'ACCEPTED');

-- CreateTable
CREATE TABLE "MappingReport" (
    "regionCode" TEXT NOT NULL,
    "budgetYear" INTEGER NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "status" "MappingReportStatus" NOT NULL,
    "revision" INTEGER NOT NULL,
    "reviewerRole" "Role",
    "reviewerRegion" TEXT,
    "dueDate" TEXT,
    "signedBy" TEXT,
    "submittedAt" TIMESTAMPTZ(3),
    "decidedAt" TIMESTAMPTZ(3),
    "decidedBy" TEXT,
    "comment" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MappingReport_pkey" PRIMARY KEY ("regionCode","budgetYear")
);

-- CreateTable
CREATE TABLE "MappingReportRevision" (
    "regionCode" TEXT NOT NULL,
    "budgetYear" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "compiledBy" TEXT NOT NULL,
    "compiledAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MappingReportRevision_pkey" PRIMARY KEY ("regionCode","budgetYear","revision")
);

-- CreateTable
CREATE TABLE "MappingReportStep" (
    "regionCode" TEXT NOT NULL,
    "budgetYear" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "actor" TEXT NOT NULL,
    "actorId" UUID,
    "comment" TEXT,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MappingReportStep_pkey" PRIMARY KEY ("regionCode","budgetYear","sequence")
);

-- CreateTable
CREATE TABLE "ReportingDeadline" (
    "budgetYear" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "note" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportingDeadline_pkey" PRIMARY KEY ("budgetYear")
);

-- CreateTable
CREATE TABLE "ReportingNotice" (
    "budgetYear" INTEGER NOT NULL,
    "regionCode" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReportingNotice_pkey" PRIMARY KEY ("budgetYear","regionCode","kind")
);

-- CreateIndex
CREATE INDEX "MappingReport_budgetYear_provinceCode_idx" ON "MappingReport"("budgetYear", "provinceCode");

-- CreateIndex
CREATE INDEX "MappingReport_reviewerRole_reviewerRegion_status_idx" ON "MappingReport"("reviewerRole", "reviewerRegion", "status");

-- AddForeignKey
ALTER TABLE "MappingReportRevision" ADD CONSTRAINT "MappingReportRevision_regionCode_budgetYear_fkey" FOREIGN KEY ("regionCode", "budgetYear") REFERENCES "MappingReport"("regionCode", "budgetYear") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MappingReportStep" ADD CONSTRAINT "MappingReportStep_regionCode_budgetYear_fkey" FOREIGN KEY ("regionCode", "budgetYear") REFERENCES "MappingReport"("regionCode", "budgetYear") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A submitted report is a snapshot: its revision rows are never altered nor removed.
CREATE FUNCTION mapping_report_revision_immutable() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'MappingReportRevision is immutable: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER mapping_report_revision_no_update_or_delete
  BEFORE UPDATE OR DELETE ON "MappingReportRevision"
  FOR EACH ROW EXECUTE FUNCTION mapping_report_revision_immutable();
