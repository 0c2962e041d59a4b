-- Issue 17 item 2: the KB's and the PKS's documents. Each draft is a sequence of uploaded
-- versions, each version with its reviewers' comments; the signed copy is a separate, final
-- upload carrying its number, signing date and signatories. Nothing is overwritten or removed.

-- CreateTable
CREATE TABLE "AgreementDocumentVersion" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "document" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "pageCount" INTEGER,
    "summary" TEXT,
    "stage" "AgreementStage" NOT NULL,
    "round" INTEGER NOT NULL,
    "uploadedBy" TEXT NOT NULL,
    "uploaderName" TEXT NOT NULL,
    "number" TEXT,
    "signedOn" TEXT,
    "signatories" JSONB,
    "powerOfAttorney" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AgreementDocumentVersion_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "AgreementDocumentVersion_document_check" CHECK ("document" IN ('KB', 'PKS')),
    CONSTRAINT "AgreementDocumentVersion_kind_check" CHECK ("kind" IN ('DRAFT', 'SIGNED')),
    CONSTRAINT "AgreementDocumentVersion_signed_check" CHECK (
      "kind" <> 'SIGNED' OR ("number" IS NOT NULL AND "signedOn" IS NOT NULL AND "signatories" IS NOT NULL))
);

-- CreateTable
CREATE TABLE "AgreementDocumentComment" (
    "id" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "author" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "authorRole" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AgreementDocumentComment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AgreementDocumentVersion_storageKey_key" ON "AgreementDocumentVersion"("storageKey");

-- CreateIndex
CREATE UNIQUE INDEX "AgreementDocumentVersion_agreementId_document_kind_version_key" ON "AgreementDocumentVersion"("agreementId", "document", "kind", "version");

-- One signed copy per signing round (the round is the move that opened the signing stage).
CREATE UNIQUE INDEX "AgreementDocumentVersion_one_signed_copy_per_round" ON "AgreementDocumentVersion"("agreementId", "document", "round") WHERE "kind" = 'SIGNED';

-- CreateIndex
CREATE INDEX "AgreementDocumentComment_versionId_createdAt_idx" ON "AgreementDocumentComment"("versionId", "createdAt");

-- CreateIndex
CREATE INDEX "AgreementDocumentComment_agreementId_idx" ON "AgreementDocumentComment"("agreementId");

-- AddForeignKey
ALTER TABLE "AgreementDocumentVersion" ADD CONSTRAINT "AgreementDocumentVersion_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementDocumentComment" ADD CONSTRAINT "AgreementDocumentComment_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "AgreementDocumentVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementDocumentComment" ADD CONSTRAINT "AgreementDocumentComment_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- An uploaded version, a signed copy and a comment are part of the record: never altered nor removed.
CREATE FUNCTION agreement_document_immutable() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER agreement_document_version_no_update_or_delete
  BEFORE UPDATE OR DELETE ON "AgreementDocumentVersion"
  FOR EACH ROW EXECUTE FUNCTION agreement_document_immutable();

CREATE TRIGGER agreement_document_comment_no_update_or_delete
  BEFORE UPDATE OR DELETE ON "AgreementDocumentComment"
  FOR EACH ROW EXECUTE FUNCTION agreement_document_immutable();
