import type { Caller } from "../auth/caller";

/** The actor columns of an appointment event, from the caller who caused it. */
export function actorColumns(caller: Caller) {
  return { actorType: caller.actor.type, actorId: caller.actor.id, actorName: caller.actor.name };
}
