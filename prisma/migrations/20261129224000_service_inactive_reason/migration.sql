ALTER TABLE "Service" ADD COLUMN "inactiveReason" TEXT;
