-- AlterTable
ALTER TABLE "PlanTransition" ADD COLUMN     "reasonCode" TEXT;
