-- Who made each move, by user id beside the display name (issue 16).
ALTER TABLE "PlanTransition" ADD COLUMN     "actorId" UUID;
