-- AlterTable
ALTER TABLE "Broadcast" ADD COLUMN     "holdUntil" TIMESTAMP(3);
