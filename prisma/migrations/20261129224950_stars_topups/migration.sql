-- AlterEnum
ALTER TYPE "TopUpMethod" ADD VALUE 'STARS';

-- AlterTable
ALTER TABLE "TopUp" ADD COLUMN     "refundedAt" TIMESTAMP(3),
ADD COLUMN     "stars" INTEGER;
