-- CreateIndex
CREATE INDEX "TopUp_senderNumber_idx" ON "TopUp"("senderNumber");
