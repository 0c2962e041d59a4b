-- Government affairs checked against the nomenclature of Permendagri 90/2019 (issue 12).
-- Corrected in place within the seeded version: codes and versions do not change, so
-- every plan's mapped objects keep pointing at the same rows and stay readable. On a
-- fresh database the table is still empty here and the seed writes the corrected rows.

-- 3.28 Kehutanan and 3.29 ESDM have kabupaten/kota kegiatan (Tahura; direct use of geothermal heat).
UPDATE "GovernmentAffair" SET "level" = 'BOTH' WHERE "code" IN ('3.28', '3.29') AND "nomenclatureVersion" = '2026.1';

-- Kecamatan are perangkat daerah of a kabupaten/kota only (UU 23/2014 art. 209).
UPDATE "GovernmentAffair" SET "level" = 'KABKOTA' WHERE "code" = '7.01' AND "nomenclatureVersion" = '2026.1';

-- The bidang's names as the nomenclature writes them.
UPDATE "GovernmentAffair" SET "name" = 'Perumahan dan Kawasan Permukiman' WHERE "code" = '1.04' AND "nomenclatureVersion" = '2026.1';
UPDATE "GovernmentAffair" SET "name" = 'Koperasi, Usaha Kecil, dan Menengah' WHERE "code" = '2.17' AND "nomenclatureVersion" = '2026.1';
UPDATE "GovernmentAffair" SET "name" = 'Inspektorat Daerah' WHERE "code" = '6.01' AND "nomenclatureVersion" = '2026.1';
