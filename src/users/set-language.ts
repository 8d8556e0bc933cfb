import type { Deps } from "../deps.js";
import type { Language, User } from "@prisma/client";
import type { Db } from "../db/client.js";
import { ValidationError } from "../shared/errors.js";

const LANGUAGES: readonly Language[] = ["bn", "en"];

/** The language a user reads everything in. */
export async function setLanguage(deps: Deps, userId: number, language: string): Promise<User> {
  const { db } = deps;
  if (!LANGUAGES.includes(language as Language)) throw new ValidationError("language", "language_invalid", "Language must be bn or en");
  return db.user.update({ where: { id: userId }, data: { language: language as Language } });
}
