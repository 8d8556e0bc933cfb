-- CreateIndex
CREATE INDEX "Order_isManual_status_deliveryNotifiedAt_completedAt_idx" ON "Order"("isManual", "status", "deliveryNotifiedAt", "completedAt");
