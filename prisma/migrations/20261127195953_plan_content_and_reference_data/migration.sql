-- CreateEnum
CREATE TYPE "CooperationType" AS ENUM ('KSDD_WAJIB', 'KSDD_SUKARELA', 'KSDPK', 'KSDPL', 'KSDLL', 'SINERGI');

-- CreateEnum
CREATE TYPE "KsdpkKind" AS ENUM ('PUBLIC_SERVICE', 'ASSET_MANAGEMENT', 'INVESTMENT', 'OTHER');

-- CreateEnum
CREATE TYPE "Initiator" AS ENUM ('REGION', 'PARTNER');

-- CreateEnum
CREATE TYPE "FundingSource" AS ENUM ('APBD_BUDGETED', 'APBD_NOT_YET_BUDGETED', 'APBN', 'PARTNER', 'OTHER');

-- CreateEnum
CREATE TYPE "PartnerKind" AS ENUM ('REGION', 'THIRD_PARTY', 'FOREIGN_GOVERNMENT', 'FOREIGN_INSTITUTION', 'MINISTRY');

-- CreateEnum
CREATE TYPE "PlanningException" AS ENUM ('EMERGENCY', 'NATIONAL_STRATEGIC_PROJECT', 'ASSISTANCE_TASK');

-- CreateEnum
CREATE TYPE "AffairGroup" AS ENUM ('BASIC', 'NON_BASIC', 'OPTIONAL', 'SUPPORT', 'ABSOLUTE');

-- CreateEnum
CREATE TYPE "GovernmentLevel" AS ENUM ('PROV', 'KABKOTA', 'BOTH');

-- CreateEnum
CREATE TYPE "RegionLevel" AS ENUM ('PROVINCE', 'REGENCY');

-- AlterTable
ALTER TABLE "CooperationPlan" ADD COLUMN     "burdensCommunity" BOOLEAN,
ADD COLUMN     "cooperationType" "CooperationType",
ADD COLUMN     "dprdApprovalReasons" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "feasibilityStudy" JSONB,
ADD COLUMN     "fundingSource" "FundingSource",
ADD COLUMN     "initiator" "Initiator",
ADD COLUMN     "ksdpkKind" "KsdpkKind",
ADD COLUMN     "multiYear" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "plannedDurationMonths" INTEGER,
ADD COLUMN     "requiresDprdApproval" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "termsOfReference" JSONB;

-- CreateTable
CREATE TABLE "PlanObject" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "affairCode" TEXT NOT NULL,
    "programCode" TEXT,
    "kegiatanCode" TEXT,
    "subKegiatanCode" TEXT,
    "nomenclatureVersion" TEXT NOT NULL,
    "potential" TEXT NOT NULL DEFAULT '',
    "characteristics" TEXT NOT NULL DEFAULT '',
    "inPlanningDocuments" BOOLEAN NOT NULL,
    "exceptionReason" "PlanningException",

    CONSTRAINT "PlanObject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanPartner" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "PartnerKind" NOT NULL,
    "regionCode" TEXT,
    "name" TEXT NOT NULL,
    "legalForm" TEXT,
    "country" TEXT,

    CONSTRAINT "PlanPartner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "purpose" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GovernmentAffair" (
    "code" TEXT NOT NULL,
    "nomenclatureVersion" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "group" "AffairGroup" NOT NULL,
    "level" "GovernmentLevel" NOT NULL,

    CONSTRAINT "GovernmentAffair_pkey" PRIMARY KEY ("code","nomenclatureVersion")
);

-- CreateTable
CREATE TABLE "Region" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" "RegionLevel" NOT NULL,
    "provinceCode" TEXT NOT NULL,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "RegionBorder" (
    "regionCode" TEXT NOT NULL,
    "neighbourCode" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegionBorder_pkey" PRIMARY KEY ("regionCode","neighbourCode")
);

-- CreateIndex
CREATE INDEX "PlanObject_affairCode_idx" ON "PlanObject"("affairCode");

-- CreateIndex
CREATE UNIQUE INDEX "PlanObject_planId_position_key" ON "PlanObject"("planId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "PlanPartner_planId_position_key" ON "PlanPartner"("planId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_storageKey_key" ON "Attachment"("storageKey");

-- CreateIndex
CREATE INDEX "Attachment_planId_purpose_idx" ON "Attachment"("planId", "purpose");

-- CreateIndex
CREATE INDEX "Region_provinceCode_idx" ON "Region"("provinceCode");

-- CreateIndex
CREATE INDEX "RegionBorder_neighbourCode_idx" ON "RegionBorder"("neighbourCode");

-- AddForeignKey
ALTER TABLE "PlanObject" ADD CONSTRAINT "PlanObject_planId_fkey" FOREIGN KEY ("planId") REFERENCES "CooperationPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanPartner" ADD CONSTRAINT "PlanPartner_planId_fkey" FOREIGN KEY ("planId") REFERENCES "CooperationPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_planId_fkey" FOREIGN KEY ("planId") REFERENCES "CooperationPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
