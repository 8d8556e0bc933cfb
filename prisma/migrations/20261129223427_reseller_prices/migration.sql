-- AlterTable
ALTER TABLE "User" ADD COLUMN     "resellerDiscount" DECIMAL(5,2) NOT NULL DEFAULT 0,
ADD COLUMN     "resellerRequestedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ResellerPrice" (
    "userId" INTEGER NOT NULL,
    "serviceId" INTEGER NOT NULL,
    "price" DECIMAL(20,6) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ResellerPrice_pkey" PRIMARY KEY ("userId","serviceId")
);

-- CreateIndex
CREATE INDEX "ResellerPrice_serviceId_idx" ON "ResellerPrice"("serviceId");

-- AddForeignKey
ALTER TABLE "ResellerPrice" ADD CONSTRAINT "ResellerPrice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResellerPrice" ADD CONSTRAINT "ResellerPrice_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;
