import type { TopUpMethod } from "@prisma/client";

/** The services whose incoming-money SMS a device can forward. */
export const PAYMENT_SMS_METHODS: readonly TopUpMethod[] = ["BKASH", "NAGAD", "ROCKET", "UPAY"];
