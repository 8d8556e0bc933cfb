-- AlterTable
ALTER TABLE "Service" ADD COLUMN     "providerRefillDays" INTEGER,
ADD COLUMN     "refillDays" INTEGER;
