import type { Broadcast } from "@prisma/client";
import type { Actor } from "../audit/actor.js";
import { writeAudit } from "../audit/write-audit.js";
import type { Deps } from "../deps.js";
import { transaction } from "../db/transaction.js";
import { ForbiddenError } from "../shared/errors.js";
import { validateAudience, type AudienceInput } from "./audience.js";
import { validateMessage, type MessageInput } from "./message.js";

export interface CreateBroadcastInput extends MessageInput, AudienceInput {
  actor: Actor;
}

/** A draft: nothing is sent until its author has seen the preview and starts it. */
export async function createBroadcast(deps: Deps, input: CreateBroadcastInput): Promise<Broadcast> {
  const { actor } = input;
  if (!actor.isAdmin || actor.userId === undefined) throw new ForbiddenError("Only admins write broadcasts");
  const message = validateMessage(input);
  const audience = await validateAudience(deps.db, input);
  return transaction(deps.db, async (tx) => {
    const broadcast = await tx.broadcast.create({
      data: {
        text: message.html,
        buttonText: message.button?.text ?? null,
        buttonUrl: message.button?.url ?? null,
        ...audience,
        createdById: actor.userId!,
        createdAt: deps.now(),
      },
    });
    await writeAudit(tx, actor, { action: "broadcast.create", entity: "Broadcast", entityId: broadcast.id, after: { audience }, at: deps.now() });
    return broadcast;
  });
}
