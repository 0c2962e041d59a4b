-- Tokens carry the version they were issued under; raising it ends every token issued before.
ALTER TABLE "User" ADD COLUMN     "tokenVersion" INTEGER NOT NULL DEFAULT 0;
