-- Monev reports of agreements in force (issue 17): content written once, review beside it.
CREATE TABLE "AgreementReport" (
    "agreementId" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "period" INTEGER NOT NULL,
    "progressPercent" DOUBLE PRECISION NOT NULL,
    "budgetLines" JSONB NOT NULL,
    "problems" TEXT,
    "submittedById" UUID,
    "submittedByName" TEXT NOT NULL,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL,
    "reviewedById" UUID,
    "reviewedByName" TEXT,
    "reviewComment" TEXT,
    "reviewedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AgreementReport_pkey" PRIMARY KEY ("agreementId","sequence")
);

ALTER TABLE "AgreementReport" ADD CONSTRAINT "AgreementReport_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
