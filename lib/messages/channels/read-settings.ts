// The adapters check their settings again before each send (the stored ones may predate a rule,
// or a secret may no longer decrypt): a bad setting fails the message with the field named, and
// a retry would not help.
import "server-only";
import type { z } from "zod";
import type { ChannelSettings, SendOutcome } from "@/lib/messages/channel";

export function readSettings<S extends z.ZodType>(schema: S, settings: ChannelSettings, provider: string): z.output<S> | Extract<SendOutcome, { state: "failed" }> {
  const r = schema.safeParse(settings);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  return { state: "failed", retry: false, reason: `Réglages ${provider} incomplets : ${issue.path.join(".") || "réglages"} — ${issue.message}` };
}

export function isOutcome(v: unknown): v is SendOutcome {
  return typeof v === "object" && v !== null && "state" in v && typeof (v as { state: unknown }).state === "string";
}

/**
 * A channel's settings schema, built once per loopback switch: zod compiles a schema's parser on
 * its first use, which cost more than the rest of a send when the schema was built per message.
 */
export function schemaOnce<S extends z.ZodType>(build: (allowLoopback: boolean) => S): (allowLoopback: boolean) => S {
  const built = new Map<boolean, S>();
  return (allowLoopback) => {
    let schema = built.get(allowLoopback);
    if (!schema) built.set(allowLoopback, (schema = build(allowLoopback)));
    return schema;
  };
}
