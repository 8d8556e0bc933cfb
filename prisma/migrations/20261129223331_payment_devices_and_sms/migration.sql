-- CreateEnum
CREATE TYPE "PaymentSmsOutcome" AS ENUM ('IGNORED', 'UNMATCHED', 'MISMATCH', 'CREDITED', 'ALREADY_DECIDED');

-- AlterEnum
ALTER TYPE "TopUpMethod" ADD VALUE 'UPAY';

-- CreateTable
CREATE TABLE "PaymentDevice" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "methods" "TopUpMethod"[],
    "shopNumber" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "lastSeenAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentDevice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentSms" (
    "id" SERIAL NOT NULL,
    "deviceId" INTEGER NOT NULL,
    "sender" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "textHash" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3),
    "sim" TEXT,
    "method" "TopUpMethod",
    "kind" TEXT,
    "amount" DECIMAL(20,4),
    "trxId" TEXT,
    "counterparty" TEXT,
    "printedTime" TEXT,
    "outcome" "PaymentSmsOutcome" NOT NULL,
    "reason" TEXT,
    "topUpId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PaymentSms_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PaymentDevice_tokenHash_key" ON "PaymentDevice"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentSms_textHash_key" ON "PaymentSms"("textHash");

-- CreateIndex
CREATE INDEX "PaymentSms_outcome_createdAt_idx" ON "PaymentSms"("outcome", "createdAt");

-- CreateIndex
CREATE INDEX "PaymentSms_topUpId_idx" ON "PaymentSms"("topUpId");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentSms_method_trxId_key" ON "PaymentSms"("method", "trxId");

-- AddForeignKey
ALTER TABLE "PaymentSms" ADD CONSTRAINT "PaymentSms_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "PaymentDevice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentSms" ADD CONSTRAINT "PaymentSms_topUpId_fkey" FOREIGN KEY ("topUpId") REFERENCES "TopUp"("id") ON DELETE SET NULL ON UPDATE CASCADE;
