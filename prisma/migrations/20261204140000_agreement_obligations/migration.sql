-- Obligations of the parties under a PKS with their due dates (issue 17).
CREATE TABLE "AgreementObligation" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "party" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "dueOn" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "createdById" UUID,
    "createdByName" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "fulfilledAt" TIMESTAMPTZ(3),
    "fulfilledByName" TEXT,
    "fulfilmentNote" TEXT,
    "overdueAt" TIMESTAMPTZ(3),

    CONSTRAINT "AgreementObligation_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "AgreementObligation_agreementId_dueOn_idx" ON "AgreementObligation"("agreementId", "dueOn");

ALTER TABLE "AgreementObligation" ADD CONSTRAINT "AgreementObligation_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
