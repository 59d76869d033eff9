import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AgentForm } from "@/components/catalog/agent-form";
import { BackLink } from "@/components/catalog/back-link";
import { ActiveBadge } from "@/components/catalog/bits";
import { countAppointmentsByStatus } from "@/lib/appointments";
import { hasScope } from "@/lib/auth/caller";
import { getAgent, listServices } from "@/lib/catalog";
import { formatPhone } from "@/lib/contract/format";
import { loadCompanyRow } from "../../company";
import { AgentHoursSection } from "@/components/scheduling/hours-sections";
import { getAgentSchedule, listTimeOff } from "@/lib/scheduling";
import { localDateKey } from "@/lib/contract/dates";

type Params = { company: string; id: string };

async function load(params: Promise<Params>) {
  const { row: agent, ...rest } = await loadCompanyRow(params, getAgent, "agent-not-found");
  return { ...rest, agent };
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { agent } = await load(params);
  return { title: agent.fullname };
}

export default async function AgentPage({ params }: { params: Promise<Params> }) {
  const [{ member, company, agent }, t, tc] = await Promise.all([load(params), getTranslations("agents"), getTranslations("catalog")]);
  const [services, ahead, schedule, timeOff] = await Promise.all([
    listServices(member.caller, { companyId: company.id, limit: 200 }),
    // Appointments still to come that are in this agent's name: said before deactivating.
    countAppointmentsByStatus(member.caller, { companyId: company.id, agentId: agent.id, from: new Date() }),
    getAgentSchedule(member.caller, agent.id),
    listTimeOff(member.caller, agent.id, { from: localDateKey(new Date(), company.timezone) }),
  ]);
  const upcoming = ahead.PENDING + ahead.CONFIRMED + ahead.IN_PROGRESS;
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-4">
      <BackLink href={`/c/${company.slug}/agents`} label={t("back")} />
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold sm:text-2xl">{agent.fullname}</h1>
        <ActiveBadge active={agent.isActive} labels={{ active: tc("active"), inactive: tc("inactive") }} />
      </div>
      <AgentForm
        key={agent.updatedAt.toISOString()}
        company={{ slug: company.slug }}
        services={services.data.map((s) => ({ id: s.id, name: s.name, isActive: s.isActive }))}
        upcoming={upcoming}
        readOnly={!hasScope(member.caller, "catalog:write")}
        initial={{
          id: agent.id,
          fullname: agent.fullname,
          role: agent.role,
          telephone: agent.telephone ? formatPhone(agent.telephone) : null,
          email: agent.email,
          isActive: agent.isActive,
          serviceIds: agent.serviceIds,
        }}
      />
      <AgentHoursSection
        company={company.slug}
        agentId={agent.id}
        schedule={schedule.schedule}
        timeOff={timeOff}
        timeZone={company.timezone}
        readOnly={!hasScope(member.caller, "catalog:write")}
      />
    </div>
  );
}
