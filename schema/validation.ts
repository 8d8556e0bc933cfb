import { z } from "zod";

export const positiveId = z.number().int().positive();
export const shortText = (max: number) => z.string().trim().min(1).max(max);
