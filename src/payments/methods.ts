import type { TopUpMethod } from "@prisma/client";

/** The services whose incoming-money SMS a device can forward (Stars arrive through Telegram instead). */
export type SmsMethod = Exclude<TopUpMethod, "STARS">;
export const PAYMENT_SMS_METHODS: readonly SmsMethod[] = ["BKASH", "NAGAD", "ROCKET", "UPAY"];
