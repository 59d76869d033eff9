import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { orFirstPage } from "@/app/_server/paging";
import { PageHeader } from "@/components/list/bits";
import { MessagesView } from "@/components/messages/messages-view";
import { toMessageRow, toReplyRow } from "@/components/messages/present";
import { listInputFromParams, MESSAGES_PAGE, messagesCache } from "@/components/messages/search-params";
import { formatTimeZone } from "@/lib/contract/format";
import { listMessages, listUnreadReplies } from "@/lib/messages";
import { type CompanyPageProps, loadCompanyPage } from "../company";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("MessagesPage");
  return { title: t("title") };
}

/** The company's messages to customers: the journal (filters in the URL) and the replies to read. */
export default async function MessagesPage(props: CompanyPageProps) {
  const [{ member, company, sp, locale }, t] = await Promise.all([loadCompanyPage(props, (q) => messagesCache.parse(q)), getTranslations("MessagesPage")]);
  const tz = company.timezone;
  const now = new Date();
  const { input, order } = listInputFromParams(sp, company, now);
  const [page, replies] = await Promise.all([
    // Filters the list refuses (a hand-edited URL): the journal up to now rather than an error page.
    orFirstPage(
      () => listMessages(member.caller, { ...input, limit: MESSAGES_PAGE }, { order }),
      () => listMessages(member.caller, { companyId: company.id, to: now.toISOString(), limit: MESSAGES_PAGE }),
    ),
    listUnreadReplies(member.caller, { companyId: company.id }),
  ]);
  // A new set of filters is a new list: older pages read under the previous ones are dropped.
  const filterKey = JSON.stringify([sp.state, sp.channel, sp.from, sp.to, sp.upcoming]);
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t("title")} description={`${company.name} · ${formatTimeZone(tz, locale)}`} />
      <MessagesView
        rows={page.data.map((m) => toMessageRow(m, tz, locale))}
        nextCursor={page.nextCursor}
        filterKey={filterKey}
        replies={replies.map((r) => toReplyRow(r, tz, locale))}
        slug={company.slug}
        timeZone={tz}
      />
    </div>
  );
}
