// The ceiling: a bare node:http + postgres.js server answering the benchmarked operations
// with the same statements as the API (the same key lookup and rate-limit upsert, and domain
// queries, their SQL taken from the domain's own builders where they are exported), and
// nothing else: no framework, no validation library, no ORM mapping. The API's figures are
// read against it.
//   tsx --import ./scripts/register.mjs scripts/bench/bare-server.ts  (DATABASE_URL, PORT)
import { createHash } from "node:crypto";
import http from "node:http";
import { is, Placeholder, SQL, sql as q } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "../../db/schema";
import { listQuery } from "../../lib/appointments/list";
import { listAppointmentsInput } from "../../lib/contract/appointment-inputs";
import { detailWhere } from "../../lib/appointments/get";
import { columns, detailColumns, selectAppointmentDetails } from "../../lib/appointments/shape";
import { bookingCheckStatement, insertAppointmentStatement } from "../../lib/appointments/create";
import { statusChangeStatement } from "../../lib/appointments/update-status";
import { apiKeyRequestStatement } from "../../lib/auth/api-keys";
import type { Caller } from "../../lib/auth/caller";
import { type MoveCurrent, type MoveRow, moveCheckStatement, moveDetails, moveStatement, planMove, toCurrent } from "../../lib/appointments/reschedule";
import { assertWithinWorkingHours, type HoursRow, hoursDays, hoursSelect } from "../../lib/scheduling/working-hours";
import { AppError, pgErrorCode } from "../../lib/contract/errors";

const sql = postgres(process.env.DATABASE_URL!, { max: Number(process.env.DATABASE_POOL_MAX ?? 10), onnotice: () => {} });
// Only to build statements: a client given to drizzle gets its date parsers turned off.
const db = drizzle.mock({ schema, casing: "snake_case" });
const dialect = new PgDialect({ casing: "snake_case" });

// The domain's statements, as its builders make them: placeholders name the request's inputs.
type Vars = Record<string, unknown>;
function template(built: { sql: string; params: unknown[] }, sentinels: Record<string, unknown> = {}) {
  // Placeholders, "$name" strings standing in for values written inline, and the given
  // sentinel values (for inputs that are not strings) become inputs.
  const bySentinel = new Map(Object.entries(sentinels).map(([name, value]) => [value, name]));
  const slots: ({ name: string } | { value: unknown })[] = built.params.map((p) =>
    p instanceof Placeholder
      ? { name: p.name as string }
      : typeof p === "string" && p.startsWith("$")
        ? { name: p.slice(1) }
        : bySentinel.has(p)
          ? { name: bySentinel.get(p)! }
          : { value: p },
  );
  const params = (vars: Vars) => slots.map((s) => ("name" in s ? vars[s.name] : s.value)) as postgres.ParameterOrJSON<never>[];
  return {
    text: built.sql,
    run: (vars: Vars) => sql.unsafe(built.sql, params(vars), { prepare: true }).values(),
    objects: (vars: Vars) => sql.unsafe(built.sql, params(vars), { prepare: true }),
  };
}

/**
 * A row of values as the API answers it: the same nested objects, in the same order, and a
 * left-joined part (the agent) null when absent. Walks the same field list the API selects.
 */
type Fields = { [k: string]: unknown };
function shaper(fields: Fields) {
  const plan: { key: string; nested?: string[] }[] = Object.entries(fields).map(([key, v]) =>
    // A column or an SQL expression is one value; any other object is a nested selection.
    v && typeof v === "object" && !("columnType" in (v as object)) && !is(v, SQL) ? { key, nested: Object.keys(v as object) } : { key },
  );
  return (values: unknown[]) => {
    const out: Record<string, unknown> = {};
    let i = 0;
    for (const { key, nested } of plan) {
      if (!nested) {
        out[key] = values[i++];
        continue;
      }
      const part: Record<string, unknown> = {};
      let any = false;
      for (const k of nested) {
        const v = values[i++];
        part[k] = v;
        if (v !== null) any = true;
      }
      out[key] = any ? part : null;
    }
    return out;
  };
}
const shapeRow = shaper(columns);
const shapeDetail = shaper(detailColumns);

const anyCaller: Caller = {
  appId: "00000000-0000-4000-8000-000000000000",
  companyIds: "all",
  scopes: [],
  actor: { type: "api_key", id: "00000000-0000-4000-8000-000000000000", name: "bench" },
};
const someId = "00000000-0000-4000-8000-000000000001";
const listFirst = template(
  listQuery(anyCaller, listAppointmentsInput.parse({ companyId: someId, status: "CONFIRMED", from: "2001-01-01T00:00:00Z", to: "2001-01-02T00:00:00Z", limit: 50 }))!
    .query(db as never)
    .toSQL(),
);
const cursor = Buffer.from(JSON.stringify(["2001-01-01T00:00:00.000Z", someId])).toString("base64url");
const listDeep = template(listQuery(anyCaller, listAppointmentsInput.parse({ companyId: someId, limit: 50, cursor }))!.query(db as never).toSQL());
const detail = template(selectAppointmentDetails(db as never, detailWhere(anyCaller)).limit(1).toSQL());
// The status change is raw SQL with values inline: mark them with named placeholders.
const STATUS_CHANGES = Object.fromEntries(
  (["CONFIRMED", "IN_PROGRESS", "COMPLETED"] as const).map((to) => [
    to,
    template(
      dialect.sqlToQuery(statusChangeStatement({ ...anyCaller, appId: "$app", actor: { type: "api_key", id: "$key", name: "$keyName" } }, "$id", to, null)),
    ),
  ]),
);

// The API's per-request statement: the key by digest and its rate-limit upsert, in one.
const keyRequest = template(dialect.sqlToQuery(apiKeyRequestStatement("$app", "$digest")));

// The create path's two statements, from the domain's builders (lib/appointments/create.ts).
const bookingCheck = template(dialect.sqlToQuery(bookingCheckStatement({ ...anyCaller, appId: "$app" }, "$service", "$agent", "$customer", "$date")));
const insertAppointment = template(
  dialect.sqlToQuery(
    insertAppointmentStatement({ ...anyCaller, appId: "$app", actor: { type: "api_key", id: "$key", name: "$keyName" } }, {
      companyId: "$company",
      serviceId: "$service",
      customerId: "$customer",
      agentId: "$agent",
      date: "$date",
      end: "$end",
      totalPrice: q.placeholder("totalPrice"),
      commune: null,
      filledFields: "$filled",
      status: "PENDING",
      bufferBefore: 0,
      bufferAfter: 0,
      details: null,
    }),
  ),
);

// The move's three statements (lib/appointments/reschedule.ts): the appointment and the target
// agent's check, the hours that apply (working-hours.ts), the guarded move with its event. The
// move's values are sentinels that become inputs; its event details are built per request by
// the domain's own moveDetails.
const moveCheck = template(dialect.sqlToQuery(moveCheckStatement({ ...anyCaller, appId: "$app" }, "$id", "$target")));
const hours = template(dialect.sqlToQuery(hoursSelect(q`${"$app"}::uuid`, q`${"$company"}::uuid`, q`${"$agent"}::uuid`, q`${"$firstDay"}::date`, q`${"$lastDay"}::date`)));
const MOVE_FROM: MoveCurrent = {
  status: "CONFIRMED",
  companyId: "$company",
  serviceId: "$service",
  dateIso: "$fromDateIso",
  date: new Date(5_000),
  end: new Date(6_000),
  agentId: "$fromAgent",
  agentName: "$fromAgentName",
  bufferBefore: 0,
  bufferAfter: 0,
  targetAgentOk: true,
  targetAgentName: "$toAgentName",
  data: {} as MoveCurrent["data"],
};
const MOVE_TO = { date: new Date(7_000), end: new Date(8_000), agentId: "$toAgent" };
const move = template(
  dialect.sqlToQuery(moveStatement({ ...anyCaller, appId: "$app", actor: { type: "api_key", id: "$key", name: "$keyName" } }, "$id", MOVE_FROM, MOVE_TO, null, false)),
  { toDate: MOVE_TO.date.toISOString(), details: JSON.stringify(moveDetails(MOVE_FROM, MOVE_TO, false)) },
);

async function authenticate(appId: string, key: string) {
  const digest = createHash("sha256").update(key).digest("hex");
  const [row] = await keyRequest.objects({ app: appId, digest });
  if (!row) return null;
  if (!row.allowed) return null;
  return row as unknown as { id: string; name: string };
}

type Body = Record<string, unknown>;
const ops: Record<string, (appId: string, key: { id: string; name: string }, body: Body, id?: string) => Promise<[number, unknown]>> = {
  async list(appId, _key, body) {
    const vars = { appId, companyId: body.companyId, status: "CONFIRMED", from: body.from, to: body.to };
    if (body.cursor) {
      const [cursorDate, cursorId] = JSON.parse(Buffer.from(String(body.cursor), "base64url").toString());
      return page(await listDeep.run({ ...vars, cursorDate, cursorId }));
    }
    return page(await listFirst.run(vars));
  },
  async get(appId, _key, _body, id) {
    const [row] = await detail.run({ appId, id });
    return row ? [200, { success: true, data: shapeDetail(row) }] : [404, { success: false }];
  },
  async status(appId, key, body, id) {
    // The domain builds this statement per target status; the bench confirms, starts, completes.
    const statement = STATUS_CHANGES[String(body.status)];
    // The change answers the appointment as `get` does, built by the same statement.
    const [r] = await statement.objects({ app: appId, id, key: key.id, keyName: key.name });
    if (!r?.data) return [409, { success: false }];
    return [200, { success: true, data: r.data }];
  },
  async create(appId, key, body) {
    const [service] = await bookingCheck.objects({ app: appId, service: body.serviceId, agent: body.agentId, customer: body.customerId, date: body.date });
    if (!service || !service.is_active || !service.agent_ok || !service.customer_ok) return [404, { success: false }];
    const date = new Date(String(body.date));
    const end = new Date(date.getTime() + (service.duration as number) * 60_000);
    try {
      const [{ data }] = await insertAppointment.objects({
        app: appId,
        company: service.company_id,
        service: service.id,
        customer: body.customerId,
        agent: body.agentId,
        date: date.toISOString(),
        end: end.toISOString(),
        totalPrice: Number(body.totalPrice ?? service.base_price),
        filled: JSON.stringify(body.filledFields ?? {}),
        key: key.id,
        keyName: key.name,
      });
      return [201, { success: true, data }];
    } catch (err) {
      if ((err as { code?: string }).code === "23P01") return [409, { success: false, error: { code: "agent-unavailable" } }];
      throw err;
    }
  },
  async reschedule(appId, key, body, id) {
    const caller: Caller = { ...anyCaller, appId, actor: { type: "api_key", id: key.id, name: key.name } };
    const agentId = body.agentId === undefined ? undefined : (body.agentId as string | null);
    try {
      const [row] = await moveCheck.objects({ app: appId, id, target: agentId ?? null });
      if (!row) throw new AppError("appointment-not-found");
      const current = toCurrent(row as unknown as MoveRow);
      const target = planMove(current, { date: new Date(String(body.date)), agentId });
      if (!target) return [200, { success: true, data: current.data }];
      const { firstDay, lastDay } = hoursDays(target.date, target.end);
      const [hoursRow] = await hours.objects({ app: appId, company: current.companyId, agent: target.agentId, firstDay, lastDay });
      const check = { companyId: current.companyId, agentId: target.agentId, start: target.date, end: target.end, bufferBefore: current.bufferBefore, bufferAfter: current.bufferAfter };
      // With the row given, the domain's check reads nothing: the rule itself, not a copy of it.
      const { outsideHours } = hoursRow ? await assertWithinWorkingHours(null as never, caller, check, hoursRow as unknown as HoursRow) : { outsideHours: false };
      const vars = {
        app: appId,
        id,
        company: current.companyId,
        fromDateIso: current.dateIso,
        fromAgent: current.agentId,
        toAgent: target.agentId,
        toDate: target.date.toISOString(),
        key: key.id,
        keyName: key.name,
        details: JSON.stringify(moveDetails(current, target, outsideHours)),
      };
      try {
        const [r] = await move.objects(vars);
        if (!r?.current) throw new AppError("appointment-not-found");
        if (r.data) return [200, { success: true, data: r.data }];
        throw new AppError("appointment-changed");
      } catch (err) {
        if (pgErrorCode(err) === "23P01") throw new AppError("agent-unavailable");
        throw err;
      }
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return [err.status, { success: false, error: { code: err.code } }];
    }
  },
};

function page(rows: unknown[][]): [number, unknown] {
  const data = rows.slice(0, 50).map(shapeRow);
  const last = data[data.length - 1] as { date: Date; id: string } | undefined;
  const nextCursor = rows.length > 50 && last ? Buffer.from(JSON.stringify([last.date.toISOString(), last.id])).toString("base64url") : null;
  return [200, { success: true, data, nextCursor }];
}

const ROUTE = /^\/app\/([^/]+)\/multi-service\/appointments\/(list|create|[^/]+)(\/status|\/reschedule)?$/;

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", async () => {
    try {
      const m = ROUTE.exec(req.url ?? "");
      const body = JSON.parse(Buffer.concat(chunks).toString() || "{}") as Body;
      if (!m) return send(res, 404, { success: false });
      const key = await authenticate(m[1], String(body.apiKey));
      if (!key) return send(res, 401, { success: false });
      const op = m[2] === "list" || m[2] === "create" ? m[2] : m[3] ? m[3].slice(1) : "get";
      const [status, answer] = await ops[op](m[1], key, body, m[2]);
      send(res, status, answer);
    } catch (err) {
      console.error(err);
      send(res, 500, { success: false });
    }
  });
});

function send(res: http.ServerResponse, status: number, body: unknown) {
  const payload = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(payload) });
  res.end(payload);
}

const port = Number(process.env.PORT ?? 3400);
server.listen(port, "127.0.0.1", () => console.log(`bare server on http://127.0.0.1:${port}`));
process.on("SIGTERM", () => {
  server.close();
  void sql.end({ timeout: 2 }).then(() => process.exit(0));
});


