// The journal's filters, all in the URL (shareable, kept on reload, the back button undoes
// them). One set of parsers for the server page and the client toolbar.
import { createSearchParamsCache, parseAsArrayOf, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { addYmd, isYmd, startOfLocalDay } from "@/lib/contract/date-presets";
import { MESSAGE_CHANNELS, MESSAGE_STATES } from "@/lib/contract/messages";

/** Messages a page of the journal reads at a time. */
export const MESSAGES_PAGE = 50;

export const messagesParsers = {
  state: parseAsArrayOf(parseAsStringLiteral(MESSAGE_STATES)).withDefault([]),
  channel: parseAsArrayOf(parseAsStringLiteral(MESSAGE_CHANNELS)).withDefault([]),
  /** First and last day (YYYY-MM-DD, both included) on the company's clock. */
  from: parseAsString,
  to: parseAsString,
};

export const messagesCache = createSearchParamsCache(messagesParsers);
export type MessagesParams = Awaited<ReturnType<typeof messagesCache.parse>>;
export type MessagesFilters = Pick<MessagesParams, "state" | "channel" | "from" | "to">;

/** The URL's filters as the journal's list input for one company; days not real are dropped. */
export function listInputFromParams(sp: MessagesFilters, company: { id: string; timezone: string }) {
  let from = isYmd(sp.from) ? sp.from : undefined;
  let to = isYmd(sp.to) ? sp.to : undefined;
  if (from && to && from > to) [from, to] = [to, from];
  return {
    companyId: company.id,
    state: sp.state.length ? [...sp.state] : undefined,
    channel: sp.channel.length ? [...sp.channel] : undefined,
    from: from ? startOfLocalDay(from, company.timezone).toISOString() : undefined,
    to: to ? startOfLocalDay(addYmd(to, 1), company.timezone).toISOString() : undefined,
  };
}
