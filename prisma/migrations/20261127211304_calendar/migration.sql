-- CreateTable
CREATE TABLE "CalendarOverride" (
    "id" UUID NOT NULL,
    "budgetYear" INTEGER NOT NULL,
    "regionCode" TEXT NOT NULL,
    "milestone" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "note" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CalendarOverride_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CollectiveLeaveDay" (
    "date" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CollectiveLeaveDay_pkey" PRIMARY KEY ("date")
);

-- CreateIndex
CREATE UNIQUE INDEX "CalendarOverride_budgetYear_regionCode_milestone_key" ON "CalendarOverride"("budgetYear", "regionCode", "milestone");
