// The journal's filters, all in the URL (shareable, kept on reload, the back button undoes
// them). One set of parsers for the server page and the client toolbar.
import { createSearchParamsCache, parseAsArrayOf, parseAsBoolean, parseAsString, parseAsStringLiteral } from "nuqs/server";
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
  /**
   * Off (the default): what is due up to now, latest first, so today's messages open the page.
   * On: what is planned after now, soonest first (a reminder weeks ahead is not news).
   */
  upcoming: parseAsBoolean.withDefault(false),
};

export const messagesCache = createSearchParamsCache(messagesParsers);
export type MessagesParams = Awaited<ReturnType<typeof messagesCache.parse>>;
export type MessagesFilters = Pick<MessagesParams, "state" | "channel" | "from" | "to" | "upcoming">;

/**
 * The URL's filters as the journal's list input for one company (days not real are dropped),
 * split at `now`: due before it (latest first) or, with `upcoming`, from it on (soonest first).
 * Days chosen narrow either side.
 */
export function listInputFromParams(sp: MessagesFilters, company: { id: string; timezone: string }, now: Date) {
  let from = isYmd(sp.from) ? sp.from : undefined;
  let to = isYmd(sp.to) ? sp.to : undefined;
  if (from && to && from > to) [from, to] = [to, from];
  const fromAt = from ? startOfLocalDay(from, company.timezone) : undefined;
  const toAt = to ? startOfLocalDay(addYmd(to, 1), company.timezone) : undefined;
  const later = (a: Date | undefined, b: Date) => (a && a > b ? a : b);
  const sooner = (a: Date | undefined, b: Date) => (a && a < b ? a : b);
  const [since, until] = sp.upcoming ? [later(fromAt, now), toAt] : [fromAt, sooner(toAt, now)];
  return {
    input: {
      companyId: company.id,
      state: sp.state.length ? [...sp.state] : undefined,
      channel: sp.channel.length ? [...sp.channel] : undefined,
      from: since?.toISOString(),
      to: until?.toISOString(),
    },
    order: sp.upcoming ? ("asc" as const) : ("desc" as const),
  };
}
