-- Official days off as versioned reference data (issue 12). The national holidays
-- (libur nasional) and collective leave (cuti bersama) of a year are fixed by the joint
-- decree (SKB) of the Menteri Agama, Menteri Ketenagakerjaan and MenPAN-RB; a year with
-- a row in "DayOffDecree" counts only its stored days, a year without one falls back to
-- the holiday library's computed dates (provisional). The collective leave days admins
-- entered before are kept as the calendar keeper's days.

-- A national role that keeps the days off of every year.
ALTER TYPE "Role" ADD VALUE 'CALENDAR_KEEPER';

-- CreateTable
CREATE TABLE "DayOffDecree" (
    "year" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "verified" BOOLEAN NOT NULL,
    "note" TEXT,

    CONSTRAINT "DayOffDecree_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "DayOff" (
    "id" UUID NOT NULL,
    "regionCode" TEXT NOT NULL DEFAULT '',
    "date" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "decree" TEXT,
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DayOff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DayOffRemoval" (
    "date" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DayOffRemoval_pkey" PRIMARY KEY ("date")
);

-- CreateIndex
CREATE UNIQUE INDEX "DayOff_regionCode_date_key" ON "DayOff"("regionCode", "date");

-- CreateIndex
CREATE INDEX "DayOff_date_idx" ON "DayOff"("date");

-- 2026: SKB Menteri Agama, Menteri Ketenagakerjaan dan MenPAN-RB No. 1497 Tahun 2025,
-- No. 2 Tahun 2025, No. 5 Tahun 2025: 17 libur nasional and 8 cuti bersama (25 days).
INSERT INTO "DayOffDecree" ("year", "number", "verified", "note") VALUES
  (2026, 'SKB Menteri Agama, Menteri Ketenagakerjaan, MenPAN-RB No. 1497 Tahun 2025, No. 2 Tahun 2025, No. 5 Tahun 2025', true, '17 libur nasional dan 8 cuti bersama'),
  (2027, 'SKB Menteri Agama, Menteri Ketenagakerjaan, MenPAN-RB No. 1205 Tahun 2026, No. 3 Tahun 2026, No. 2 Tahun 2026', false,
   'Belum diverifikasi terhadap salinan resmi: nomor dan tanggal dari sumber sekunder (18 libur nasional dan 8 cuti bersama); periksa dan koreksi bila berbeda. Not yet verified against the published decree.');

INSERT INTO "DayOff" ("id", "date", "kind", "description", "decree", "verified", "createdBy")
SELECT gen_random_uuid(), d.date, d.kind, d.description, dec."number", dec."verified", 'migration'
FROM (VALUES
  ('2026-01-01', 'LIBUR_NASIONAL', 'Tahun Baru 2026 Masehi'),
  ('2026-01-16', 'LIBUR_NASIONAL', 'Isra Mikraj Nabi Muhammad SAW'),
  ('2026-02-16', 'CUTI_BERSAMA', 'Cuti bersama Tahun Baru Imlek 2577 Kongzili'),
  ('2026-02-17', 'LIBUR_NASIONAL', 'Tahun Baru Imlek 2577 Kongzili'),
  ('2026-03-18', 'CUTI_BERSAMA', 'Cuti bersama Hari Suci Nyepi (Tahun Baru Saka 1948)'),
  ('2026-03-19', 'LIBUR_NASIONAL', 'Hari Suci Nyepi (Tahun Baru Saka 1948)'),
  ('2026-03-20', 'CUTI_BERSAMA', 'Cuti bersama Idul Fitri 1447 H'),
  ('2026-03-21', 'LIBUR_NASIONAL', 'Idul Fitri 1447 H'),
  ('2026-03-22', 'LIBUR_NASIONAL', 'Idul Fitri 1447 H'),
  ('2026-03-23', 'CUTI_BERSAMA', 'Cuti bersama Idul Fitri 1447 H'),
  ('2026-03-24', 'CUTI_BERSAMA', 'Cuti bersama Idul Fitri 1447 H'),
  ('2026-04-03', 'LIBUR_NASIONAL', 'Wafat Yesus Kristus'),
  ('2026-04-05', 'LIBUR_NASIONAL', 'Kebangkitan Yesus Kristus (Paskah)'),
  ('2026-05-01', 'LIBUR_NASIONAL', 'Hari Buruh Internasional'),
  ('2026-05-14', 'LIBUR_NASIONAL', 'Kenaikan Yesus Kristus'),
  ('2026-05-15', 'CUTI_BERSAMA', 'Cuti bersama Kenaikan Yesus Kristus'),
  ('2026-05-27', 'LIBUR_NASIONAL', 'Idul Adha 1447 H'),
  ('2026-05-28', 'CUTI_BERSAMA', 'Cuti bersama Idul Adha 1447 H'),
  ('2026-05-31', 'LIBUR_NASIONAL', 'Hari Raya Waisak 2570 BE'),
  ('2026-06-01', 'LIBUR_NASIONAL', 'Hari Lahir Pancasila'),
  ('2026-06-16', 'LIBUR_NASIONAL', '1 Muharam Tahun Baru Islam 1448 H'),
  ('2026-08-17', 'LIBUR_NASIONAL', 'Proklamasi Kemerdekaan Republik Indonesia'),
  ('2026-08-25', 'LIBUR_NASIONAL', 'Maulid Nabi Muhammad SAW'),
  ('2026-12-24', 'CUTI_BERSAMA', 'Cuti bersama Kelahiran Yesus Kristus'),
  ('2026-12-25', 'LIBUR_NASIONAL', 'Kelahiran Yesus Kristus'),
  -- 2027: not yet checked against the published decree (see "DayOffDecree".note).
  ('2027-01-01', 'LIBUR_NASIONAL', 'Tahun Baru 2027 Masehi'),
  ('2027-01-05', 'LIBUR_NASIONAL', 'Isra Mikraj Nabi Muhammad SAW 1448 H'),
  ('2027-02-05', 'CUTI_BERSAMA', 'Cuti bersama Tahun Baru Imlek 2578 Kongzili'),
  ('2027-02-06', 'LIBUR_NASIONAL', 'Tahun Baru Imlek 2578 Kongzili'),
  ('2027-03-08', 'LIBUR_NASIONAL', 'Hari Suci Nyepi (Tahun Baru Saka 1949)'),
  ('2027-03-09', 'CUTI_BERSAMA', 'Cuti bersama Idul Fitri 1448 H'),
  ('2027-03-10', 'LIBUR_NASIONAL', 'Idul Fitri 1448 H'),
  ('2027-03-11', 'LIBUR_NASIONAL', 'Idul Fitri 1448 H'),
  ('2027-03-12', 'CUTI_BERSAMA', 'Cuti bersama Idul Fitri 1448 H'),
  ('2027-03-15', 'CUTI_BERSAMA', 'Cuti bersama Idul Fitri 1448 H'),
  ('2027-03-25', 'CUTI_BERSAMA', 'Cuti bersama Wafat Yesus Kristus'),
  ('2027-03-26', 'LIBUR_NASIONAL', 'Wafat Yesus Kristus'),
  ('2027-03-28', 'LIBUR_NASIONAL', 'Kebangkitan Yesus Kristus (Paskah)'),
  ('2027-05-01', 'LIBUR_NASIONAL', 'Hari Buruh Internasional'),
  ('2027-05-06', 'LIBUR_NASIONAL', 'Kenaikan Yesus Kristus'),
  ('2027-05-17', 'LIBUR_NASIONAL', 'Idul Adha 1448 H'),
  ('2027-05-18', 'CUTI_BERSAMA', 'Cuti bersama Idul Adha 1448 H'),
  ('2027-05-19', 'CUTI_BERSAMA', 'Cuti bersama Hari Raya Waisak 2571 BE'),
  ('2027-05-20', 'LIBUR_NASIONAL', 'Hari Raya Waisak 2571 BE'),
  ('2027-06-01', 'LIBUR_NASIONAL', 'Hari Lahir Pancasila'),
  ('2027-06-06', 'LIBUR_NASIONAL', '1 Muharam Tahun Baru Islam 1449 H'),
  ('2027-08-15', 'LIBUR_NASIONAL', 'Maulid Nabi Muhammad SAW'),
  ('2027-08-17', 'LIBUR_NASIONAL', 'Proklamasi Kemerdekaan Republik Indonesia'),
  ('2027-12-24', 'CUTI_BERSAMA', 'Cuti bersama Kelahiran Yesus Kristus'),
  ('2027-12-25', 'LIBUR_NASIONAL', 'Kelahiran Yesus Kristus'),
  ('2027-12-26', 'LIBUR_NASIONAL', 'Isra Mikraj Nabi Muhammad SAW 1449 H')
) AS d(date, kind, description)
JOIN "DayOffDecree" dec ON dec."year" = CAST(substr(d.date, 1, 4) AS INTEGER);

-- The collective leave days entered by hand so far become the keeper's days (a decree's day on the same date wins).
INSERT INTO "DayOff" ("id", "date", "kind", "description", "createdBy", "createdAt")
SELECT gen_random_uuid(), "date", 'CUTI_BERSAMA', "description", "createdBy", "createdAt" FROM "CollectiveLeaveDay"
ON CONFLICT ("regionCode", "date") DO NOTHING;

-- DropTable
DROP TABLE "CollectiveLeaveDay";
