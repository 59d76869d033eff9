"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { memberAction } from "@/app/_server/session";
import { toMessageRow } from "@/components/messages/present";
import { listInputFromParams, MESSAGES_PAGE, type MessagesFilters } from "@/components/messages/search-params";
import { getCompanyBySlug } from "@/lib/catalog";
import { listMessages, markReplyRead, resendMessage } from "@/lib/messages";

// Thin: the domain checks the caller (scope, companies), the message's state and the filters.
const id = z.string().max(100);

/** The journal, an appointment's history and a customer's page show messages. */
function refresh() {
  revalidatePath("/c/[company]", "layout");
}

/** Queues a failed (or unknown) message again, due now. */
export const resendMessageAction = memberAction(z.object({ id }), async ({ id }, { caller }) => {
  const m = await resendMessage(caller, id);
  refresh();
  return { id: m.id, state: m.state };
});

export const markReplyReadAction = memberAction(z.object({ id }), async ({ id }, { caller }) => {
  await markReplyRead(caller, id);
  refresh();
  return { id };
});

/** The journal's next page ("Plus anciens") under the URL's filters, as the page shows rows. */
export const olderMessagesAction = memberAction(
  z.object({
    company: z.string().max(200),
    state: z.array(z.string().max(20)).max(20),
    channel: z.array(z.string().max(20)).max(20),
    from: z.string().max(20).nullish(),
    to: z.string().max(20).nullish(),
    upcoming: z.boolean().optional(),
    cursor: z.string().max(500),
  }),
  async ({ company: slug, cursor, ...filters }, { caller }) => {
    const [company, locale] = await Promise.all([getCompanyBySlug(caller, slug), getLocale()]);
    // The domain refuses states and channels it does not know (validation-error, the field named).
    // A later `now` than the first page's only moves the split past rows the cursor already passed.
    const { input, order } = listInputFromParams(
      { ...filters, from: filters.from ?? null, to: filters.to ?? null, upcoming: filters.upcoming ?? false } as MessagesFilters,
      company,
      new Date(),
    );
    const page = await listMessages(caller, { ...input, limit: MESSAGES_PAGE, cursor }, { order });
    return { rows: page.data.map((m) => toMessageRow(m, company.timezone, locale)), nextCursor: page.nextCursor };
  },
  { readOnly: true },
);
