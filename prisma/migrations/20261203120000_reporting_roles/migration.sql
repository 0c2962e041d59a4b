-- Reporting upward (issue 18): the province reviewer and the ministry reviewer, and the
-- national calendar keeper becomes a national seat, granted on the national scope "00"
-- (no Kemendagri area code uses it) instead of a province.
ALTER TYPE "Role" ADD VALUE 'PROVINCE_REVIEWER';
ALTER TYPE "Role" ADD VALUE 'MINISTRY_REVIEWER';

-- Keepers granted in one or more provinces keep working: one national grant each.
DELETE FROM "UserRoleGrant" g
 WHERE g."role" = 'CALENDAR_KEEPER' AND g."regionCode" <> '00'
   AND EXISTS (
     SELECT 1 FROM "UserRoleGrant" o
      WHERE o."userId" = g."userId" AND o."role" = 'CALENDAR_KEEPER'
        AND (o."regionCode" = '00' OR (o."regionCode" <> '00' AND o."id" < g."id"))
   );
UPDATE "UserRoleGrant" SET "regionCode" = '00' WHERE "role" = 'CALENDAR_KEEPER' AND "regionCode" <> '00';
