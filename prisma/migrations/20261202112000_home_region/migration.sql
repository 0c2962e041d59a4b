-- Every account belongs to a home region: only an admin of it (or of its province) may
-- reset, grant to or deactivate it, so no other region's admin can take it over.
ALTER TABLE "User" ADD COLUMN     "homeRegionCode" TEXT;

-- Backfill, first from the admin who created the account (their first administered region)...
UPDATE "User" AS u SET "homeRegionCode" = (
  SELECT g."regionCode"
  FROM "AuditEvent" AS e
  JOIN "UserRoleGrant" AS g ON g."userId" = e."actorId" AND g."role" = 'ADMIN'
  WHERE e."action" = 'USER_CREATED' AND e."entityId" = u."id"::text
  ORDER BY e."occurredAt", g."regionCode"
  LIMIT 1
)
WHERE u."homeRegionCode" IS NULL;

-- ...then, for accounts made by seeds or db:create-admin, from their oldest role.
UPDATE "User" AS u SET "homeRegionCode" = (
  SELECT g."regionCode" FROM "UserRoleGrant" AS g WHERE g."userId" = u."id" ORDER BY g."createdAt", g."regionCode" LIMIT 1
)
WHERE u."homeRegionCode" IS NULL;

-- CreateIndex
CREATE INDEX "User_homeRegionCode_idx" ON "User"("homeRegionCode");
