-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "startedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "DeliveryEstimate" (
    "serviceId" INTEGER NOT NULL,
    "providerId" INTEGER NOT NULL,
    "orders" INTEGER NOT NULL,
    "startP50Sec" INTEGER,
    "startP90Sec" INTEGER,
    "completeP50Sec" INTEGER,
    "completeP90Sec" INTEGER,
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeliveryEstimate_pkey" PRIMARY KEY ("serviceId","providerId")
);

-- CreateTable
CREATE TABLE "DeliveryEstimateRefresh" (
    "id" INTEGER NOT NULL,
    "refreshedUntil" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeliveryEstimateRefresh_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Order_completedAt_idx" ON "Order"("completedAt");

-- CreateIndex
CREATE INDEX "Order_serviceId_status_completedAt_idx" ON "Order"("serviceId", "status", "completedAt");

-- AddForeignKey
ALTER TABLE "DeliveryEstimate" ADD CONSTRAINT "DeliveryEstimate_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;
