-- CreateEnum
CREATE TYPE "BroadcastStatus" AS ENUM ('DRAFT', 'RUNNING', 'PAUSED', 'CANCELED', 'DONE');

-- CreateEnum
CREATE TYPE "BroadcastAudience" AS ENUM ('ALL_CUSTOMERS', 'LANGUAGE', 'ORDERED_RECENTLY', 'RESELLERS', 'GROUP');

-- CreateEnum
CREATE TYPE "BroadcastRecipientState" AS ENUM ('PENDING', 'CLAIMED', 'SENDING', 'SENT', 'BLOCKED', 'FAILED', 'UNCERTAIN', 'SKIPPED');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "botBlockedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Broadcast" (
    "id" SERIAL NOT NULL,
    "text" TEXT NOT NULL,
    "buttonText" TEXT,
    "buttonUrl" TEXT,
    "audience" "BroadcastAudience" NOT NULL,
    "language" "Language",
    "orderedWithinDays" INTEGER,
    "groupId" INTEGER,
    "status" "BroadcastStatus" NOT NULL DEFAULT 'DRAFT',
    "createdById" INTEGER NOT NULL,
    "previewedHash" TEXT,
    "nextSendAt" TIMESTAMP(3),
    "progressChatId" BIGINT,
    "progressMessageId" INTEGER,
    "progressShownAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Broadcast_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BroadcastRecipient" (
    "id" BIGSERIAL NOT NULL,
    "broadcastId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "chatId" BIGINT NOT NULL,
    "state" "BroadcastRecipientState" NOT NULL DEFAULT 'PENDING',
    "claimedUntil" TIMESTAMP(3),
    "error" TEXT,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "BroadcastRecipient_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Broadcast_status_id_idx" ON "Broadcast"("status", "id");

-- CreateIndex
CREATE INDEX "BroadcastRecipient_broadcastId_state_idx" ON "BroadcastRecipient"("broadcastId", "state");

-- CreateIndex
CREATE INDEX "BroadcastRecipient_userId_idx" ON "BroadcastRecipient"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "BroadcastRecipient_broadcastId_userId_key" ON "BroadcastRecipient"("broadcastId", "userId");

-- AddForeignKey
ALTER TABLE "Broadcast" ADD CONSTRAINT "Broadcast_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BroadcastRecipient" ADD CONSTRAINT "BroadcastRecipient_broadcastId_fkey" FOREIGN KEY ("broadcastId") REFERENCES "Broadcast"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BroadcastRecipient" ADD CONSTRAINT "BroadcastRecipient_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
