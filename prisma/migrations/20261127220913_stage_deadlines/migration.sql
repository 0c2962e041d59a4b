-- CreateEnum
CREATE TYPE "MilestoneRemedy" AS ENUM ('DPRD_AGREEMENT_RECORD', 'RKPD_AMENDMENT');

-- AlterTable
ALTER TABLE "CooperationPlan" ADD COLUMN     "remedy" "MilestoneRemedy",
ADD COLUMN     "remedyMilestone" TEXT,
ADD COLUMN     "remedyRecordedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "ReviewTask" ADD COLUMN     "dueBasis" TEXT,
ADD COLUMN     "escalatedAt" TIMESTAMPTZ(3),
ADD COLUMN     "milestone" TEXT,
ADD COLUMN     "milestoneDate" TEXT;
