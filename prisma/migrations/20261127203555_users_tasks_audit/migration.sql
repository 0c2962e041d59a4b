-- CreateEnum
CREATE TYPE "Role" AS ENUM ('OFFICER', 'SECRETARIAT', 'BAPPEDA', 'TKKSD_MEMBER', 'TAPD', 'SEKDA', 'HEAD_OF_REGION', 'DPRD_LIAISON', 'ADMIN');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "PlanStage" ADD VALUE 'TKKSD_DELIBERATION';
ALTER TYPE "PlanStage" ADD VALUE 'HEAD_OF_REGION_APPROVAL';

-- AlterTable
ALTER TABLE "ReviewTask" ADD COLUMN     "assigneeId" UUID,
ADD COLUMN     "assigneeName" TEXT,
ADD COLUMN     "assignmentVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "candidateRole" "Role",
ADD COLUMN     "claimedAt" TIMESTAMPTZ(3),
ADD COLUMN     "delegatedFromId" UUID,
ADD COLUMN     "dueAt" TIMESTAMPTZ(3),
ADD COLUMN     "followUpAt" TIMESTAMPTZ(3),
ADD COLUMN     "priority" INTEGER NOT NULL DEFAULT 50;

-- CreateTable
CREATE TABLE "TkksdVote" (
    "planId" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "userId" UUID NOT NULL,
    "userName" TEXT NOT NULL,
    "vote" TEXT NOT NULL,
    "comment" TEXT,
    "castAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TkksdVote_pkey" PRIMARY KEY ("planId","revision","userId")
);

-- CreateTable
CREATE TABLE "PlanComment" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "taskId" UUID,
    "authorId" UUID NOT NULL,
    "authorName" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "email" TEXT,
    "passwordHash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserRoleGrant" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "regionCode" TEXT NOT NULL,
    "agency" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT,

    CONSTRAINT "UserRoleGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "actorName" TEXT NOT NULL,
    "actorRole" TEXT,
    "action" TEXT NOT NULL,
    "planId" UUID,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "fromStage" "PlanStage",
    "toStage" "PlanStage",
    "before" JSONB,
    "after" JSONB,
    "details" JSONB,
    "dedupeKey" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PlanComment_planId_createdAt_idx" ON "PlanComment"("planId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "UserRoleGrant_regionCode_role_idx" ON "UserRoleGrant"("regionCode", "role");

-- CreateIndex
CREATE UNIQUE INDEX "UserRoleGrant_userId_role_regionCode_agency_key" ON "UserRoleGrant"("userId", "role", "regionCode", "agency");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_dedupeKey_key" ON "AuditEvent"("dedupeKey");

-- CreateIndex
CREATE INDEX "AuditEvent_planId_occurredAt_idx" ON "AuditEvent"("planId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_occurredAt_idx" ON "AuditEvent"("actorId", "occurredAt");

-- CreateIndex
CREATE INDEX "ReviewTask_regionCode_status_idx" ON "ReviewTask"("regionCode", "status");

-- CreateIndex
CREATE INDEX "ReviewTask_assigneeId_status_idx" ON "ReviewTask"("assigneeId", "status");

-- AddForeignKey
ALTER TABLE "TkksdVote" ADD CONSTRAINT "TkksdVote_planId_fkey" FOREIGN KEY ("planId") REFERENCES "CooperationPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanComment" ADD CONSTRAINT "PlanComment_planId_fkey" FOREIGN KEY ("planId") REFERENCES "CooperationPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserRoleGrant" ADD CONSTRAINT "UserRoleGrant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The audit trail is append-only: the database itself refuses to change or remove it.
CREATE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_no_update_or_delete
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();

CREATE TRIGGER audit_event_no_truncate
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
