-- Issue 18: the national reporting summary reads one tally row per budget year and region
-- (plans, by cooperation type and by urusan, completed plans, plans with an active RKPD /
-- KUA-PPAS line) instead of counting 100 000 plans on every read. PostgreSQL
-- triggers keep it exact: every statement that writes CooperationPlan, PlanObject,
-- DocumentLine or PlanningDocument recounts, in the same transaction, the (budget year,
-- region) pairs it touched, from the plans themselves (the same counts the summary made
-- before). A trigger catches every writer (workflow projections, the planning-document sync,
-- the demo generator, a hand-written fix), and a recount (not +1/-1 deltas) stays exact for
-- the distinct counts (a plan with two objects of one urusan, two RKPD lines of one plan).
-- Concurrent writers of one region take a transaction-scoped advisory lock on the pair
-- before recounting, so the second recounts after the first committed (READ COMMITTED gives
-- each statement of the function a fresh snapshot) and neither overwrites the other.

-- CreateTable
CREATE TABLE "ReportingTally" (
    "budgetYear" INTEGER NOT NULL,
    "regionCode" TEXT NOT NULL,
    "plans" INTEGER NOT NULL,
    "completed" INTEGER NOT NULL,
    "reachedRkpd" INTEGER NOT NULL,
    "reachedKuaPpas" INTEGER NOT NULL,
    "byType" JSONB NOT NULL,
    "byAffair" JSONB NOT NULL,

    CONSTRAINT "ReportingTally_pkey" PRIMARY KEY ("budgetYear","regionCode")
);

-- Recounts one (budget year, region) from the plans, their objects and the planning documents:
-- plans not REJECTED (and by cooperation type, NONE when unset), COMPLETED plans, plans by
-- urusan (distinct plans, REJECTED left out), plans with an active line in the region's RKPD
-- and KUA-PPAS (distinct plans). A region with nothing to count keeps no row.
CREATE FUNCTION reporting_tally_recount(year INTEGER, region TEXT) RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF year IS NULL OR region IS NULL THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('ReportingTally'), hashtext(year::text || ':' || region));
  DELETE FROM "ReportingTally" WHERE "budgetYear" = year AND "regionCode" = region;
  INSERT INTO "ReportingTally" ("budgetYear", "regionCode", "plans", "completed", "reachedRkpd", "reachedKuaPpas", "byType", "byAffair")
  SELECT year, region, x."plans", x."completed", x."rkpd", x."kuaPpas", x."byType", x."byAffair"
    FROM (
      SELECT
        (SELECT COUNT(*)::int FROM "CooperationPlan" p
          WHERE p."budgetYear" = year AND p."regionCode" = region AND p."stage" <> 'REJECTED') AS "plans",
        (SELECT COUNT(*)::int FROM "CooperationPlan" p
          WHERE p."budgetYear" = year AND p."regionCode" = region AND p."stage" = 'COMPLETED') AS "completed",
        (SELECT COUNT(DISTINCT l."planId")::int FROM "PlanningDocument" d
           JOIN "DocumentLine" l ON l."documentId" = d."id" AND l."status" = 'ACTIVE'
          WHERE d."budgetYear" = year AND d."regionCode" = region AND d."kind" = 'RKPD') AS "rkpd",
        (SELECT COUNT(DISTINCT l."planId")::int FROM "PlanningDocument" d
           JOIN "DocumentLine" l ON l."documentId" = d."id" AND l."status" = 'ACTIVE'
          WHERE d."budgetYear" = year AND d."regionCode" = region AND d."kind" = 'KUA_PPAS') AS "kuaPpas",
        (SELECT COALESCE(jsonb_object_agg(t."type", t."n"), '{}') FROM (
           SELECT COALESCE(p."cooperationType"::text, 'NONE') AS "type", COUNT(*)::int AS "n" FROM "CooperationPlan" p
            WHERE p."budgetYear" = year AND p."regionCode" = region AND p."stage" <> 'REJECTED' GROUP BY 1) t) AS "byType",
        (SELECT COALESCE(jsonb_object_agg(a."affairCode", a."n"), '{}') FROM (
           SELECT o."affairCode", COUNT(DISTINCT o."planId")::int AS "n" FROM "PlanObject" o JOIN "CooperationPlan" p ON p."id" = o."planId"
            WHERE p."budgetYear" = year AND p."regionCode" = region AND p."stage" <> 'REJECTED' GROUP BY 1) a) AS "byAffair"
    ) x
   WHERE x."plans" > 0 OR x."completed" > 0 OR x."rkpd" > 0 OR x."kuaPpas" > 0 OR x."byAffair" <> '{}';
END;
$$;

-- Recounts every pair in a set, in a fixed order (so two writers never lock in opposite orders).
CREATE FUNCTION reporting_tally_recount_all(pairs JSONB) RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  pair RECORD;
BEGIN
  FOR pair IN
    SELECT DISTINCT (e->>'y')::int AS y, e->>'r' AS r
      FROM jsonb_array_elements(pairs) e
     WHERE e->>'y' IS NOT NULL AND e->>'r' IS NOT NULL
     ORDER BY 1, 2
  LOOP
    PERFORM reporting_tally_recount(pair.y, pair.r);
  END LOOP;
END;
$$;

-- CooperationPlan: inserted and deleted plans; updated plans whose region, year, stage or type moved.
CREATE FUNCTION reporting_tally_plans_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM reporting_tally_recount_all((SELECT COALESCE(jsonb_agg(jsonb_build_object('y', n."budgetYear", 'r', n."regionCode")), '[]') FROM new_rows n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM reporting_tally_recount_all((SELECT COALESCE(jsonb_agg(jsonb_build_object('y', o."budgetYear", 'r', o."regionCode")), '[]') FROM old_rows o));
  ELSE
    PERFORM reporting_tally_recount_all((
      SELECT COALESCE(jsonb_agg(pair), '[]')
        FROM new_rows n JOIN old_rows o ON o."id" = n."id"
        CROSS JOIN LATERAL (VALUES (jsonb_build_object('y', n."budgetYear", 'r', n."regionCode")),
                                   (jsonb_build_object('y', o."budgetYear", 'r', o."regionCode"))) AS v(pair)
       WHERE (n."budgetYear", n."regionCode", n."stage", n."cooperationType") IS DISTINCT FROM (o."budgetYear", o."regionCode", o."stage", o."cooperationType")));
  END IF;
  RETURN NULL;
END;
$$;

-- PlanObject: any change of a plan's objects recounts its plan's pair (the plan itself, when
-- deleted in the same statement, is recounted by the CooperationPlan trigger).
CREATE FUNCTION reporting_tally_objects_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  plan_ids UUID[] := '{}';
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    plan_ids := plan_ids || ARRAY(SELECT "planId" FROM new_rows);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    plan_ids := plan_ids || ARRAY(SELECT "planId" FROM old_rows);
  END IF;
  PERFORM reporting_tally_recount_all((
    SELECT COALESCE(jsonb_agg(jsonb_build_object('y', p."budgetYear", 'r', p."regionCode")), '[]')
      FROM "CooperationPlan" p WHERE p."id" = ANY(plan_ids)));
  RETURN NULL;
END;
$$;

-- DocumentLine: the pair of the line's planning document, when an RKPD or KUA-PPAS.
CREATE FUNCTION reporting_tally_lines_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  document_ids UUID[] := '{}';
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    document_ids := document_ids || ARRAY(SELECT "documentId" FROM new_rows);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    document_ids := document_ids || ARRAY(SELECT "documentId" FROM old_rows);
  END IF;
  PERFORM reporting_tally_recount_all((
    SELECT COALESCE(jsonb_agg(jsonb_build_object('y', d."budgetYear", 'r', d."regionCode")), '[]')
      FROM "PlanningDocument" d WHERE d."kind" IN ('RKPD', 'KUA_PPAS') AND d."id" = ANY(document_ids)));
  RETURN NULL;
END;
$$;

-- PlanningDocument: a document moved to another region, year or kind, or deleted (its lines
-- cannot outlive it: DocumentLine restricts the delete, so this is for completeness).
CREATE FUNCTION reporting_tally_documents_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM reporting_tally_recount_all((SELECT COALESCE(jsonb_agg(jsonb_build_object('y', o."budgetYear", 'r', o."regionCode")), '[]') FROM old_rows o));
  ELSE
    PERFORM reporting_tally_recount_all((
      SELECT COALESCE(jsonb_agg(pair), '[]')
        FROM new_rows n JOIN old_rows o ON o."id" = n."id"
        CROSS JOIN LATERAL (VALUES (jsonb_build_object('y', n."budgetYear", 'r', n."regionCode")),
                                   (jsonb_build_object('y', o."budgetYear", 'r', o."regionCode"))) AS v(pair)
       WHERE (n."budgetYear", n."regionCode", n."kind") IS DISTINCT FROM (o."budgetYear", o."regionCode", o."kind")));
  END IF;
  RETURN NULL;
END;
$$;

-- Statement-level triggers with transition tables: one recount per touched pair per statement,
-- so a bulk insert of 100 000 plans recounts each region once, not once per plan.
CREATE TRIGGER "CooperationPlan_tally_insert" AFTER INSERT ON "CooperationPlan"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION reporting_tally_plans_changed();
CREATE TRIGGER "CooperationPlan_tally_update" AFTER UPDATE ON "CooperationPlan"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION reporting_tally_plans_changed();
CREATE TRIGGER "CooperationPlan_tally_delete" AFTER DELETE ON "CooperationPlan"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION reporting_tally_plans_changed();

CREATE TRIGGER "PlanObject_tally_insert" AFTER INSERT ON "PlanObject"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION reporting_tally_objects_changed();
CREATE TRIGGER "PlanObject_tally_update" AFTER UPDATE ON "PlanObject"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION reporting_tally_objects_changed();
CREATE TRIGGER "PlanObject_tally_delete" AFTER DELETE ON "PlanObject"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION reporting_tally_objects_changed();

CREATE TRIGGER "DocumentLine_tally_insert" AFTER INSERT ON "DocumentLine"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION reporting_tally_lines_changed();
CREATE TRIGGER "DocumentLine_tally_update" AFTER UPDATE ON "DocumentLine"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION reporting_tally_lines_changed();
CREATE TRIGGER "DocumentLine_tally_delete" AFTER DELETE ON "DocumentLine"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION reporting_tally_lines_changed();

CREATE TRIGGER "PlanningDocument_tally_update" AFTER UPDATE ON "PlanningDocument"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION reporting_tally_documents_changed();
CREATE TRIGGER "PlanningDocument_tally_delete" AFTER DELETE ON "PlanningDocument"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION reporting_tally_documents_changed();

-- The plans already there.
SELECT reporting_tally_recount_all((
  SELECT COALESCE(jsonb_agg(jsonb_build_object('y', x."budgetYear", 'r', x."regionCode")), '[]')
    FROM (SELECT DISTINCT "budgetYear", "regionCode" FROM "CooperationPlan"
          UNION SELECT "budgetYear", "regionCode" FROM "PlanningDocument" WHERE "kind" IN ('RKPD', 'KUA_PPAS')) x));
