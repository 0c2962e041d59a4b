-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "stage" "PlanStage",
ADD COLUMN     "taskId" UUID;
