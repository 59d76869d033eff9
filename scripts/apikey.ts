// `npm run apikey -- <command>`: API keys from the command line, beside Settings → API keys in
// the dashboard: for scripts, provisioning and a server with no one signed in yet. Works on
// DATABASE_URL (or the embedded database).
//
//   create --app <appId> --name <name> --scopes a,b [--company <companyId>] [--rate-limit <per minute>]
//   list   --app <appId>
//   revoke --app <appId> --id <keyId>
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "../db";
import { apps } from "../db/schema";
import { createApiKey, listApiKeys, revokeApiKey } from "../lib/auth/api-keys";
import { systemCaller } from "../lib/auth/caller";
import { SCOPES } from "../lib/contract/scopes";
import { isAppError } from "../lib/contract/errors";
import { isUuid } from "../lib/contract/ids";

const USAGE = `Usage :
  npm run apikey -- create --app <appId> --name <nom> --scopes ${SCOPES.join(",")} [--company <companyId>] [--rate-limit <req/min>]
  npm run apikey -- list   --app <appId>
  npm run apikey -- revoke --app <appId> --id <keyId>`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    app: { type: "string" },
    name: { type: "string" },
    scopes: { type: "string" },
    company: { type: "string" },
    "rate-limit": { type: "string" },
    id: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});

async function main(): Promise<number> {
  const command = positionals[0];
  if (values.help || !command) {
    console.log(USAGE);
    return command ? 0 : 1;
  }
  const appId = values.app;
  if (!appId || !isUuid(appId)) return fail("--app <appId> est obligatoire (un UUID)");
  const db = await getDb();
  const [app] = await db.select({ name: apps.name }).from(apps).where(eq(apps.id, appId));
  if (!app) return fail(`Aucune application ${appId} dans cette base`);
  const caller = systemCaller(appId, "npm run apikey");

  switch (command) {
    case "create": {
      if (!values.name || !values.scopes) return fail("create demande --name et --scopes");
      const scopes = values.scopes.split(",").map((s) => s.trim()).filter(Boolean);
      const unknown = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
      if (unknown.length > 0) return fail(`Droits inconnus : ${unknown.join(", ")} (connus : ${SCOPES.join(", ")})`);
      const rateLimit = values["rate-limit"] === undefined ? undefined : Number(values["rate-limit"]);
      const { key, apiKey } = await createApiKey(caller, {
        name: values.name,
        scopes: scopes as (typeof SCOPES)[number][],
        companyId: values.company,
        rateLimit,
      });
      console.log(`Clé créée pour « ${app.name} » (id ${apiKey.id}, ${apiKey.rateLimit} requêtes/min) :`);
      console.log(`  droits     : ${apiKey.scopes.join(", ")}`);
      console.log(`  entreprise : ${apiKey.companyId ?? "toutes"}`);
      console.log("Gardez-la maintenant, elle ne sera plus affichée :");
      console.log(key);
      return 0;
    }
    case "list": {
      const keys = await listApiKeys(caller);
      if (keys.length === 0) console.log("Aucune clé.");
      for (const k of keys) {
        const state = k.revokedAt ? `révoquée ${k.revokedAt.toISOString()}` : "active";
        console.log(
          [k.id, `${k.prefix}…`, k.name, k.scopes.join(","), k.companyId ?? "toutes", `${k.rateLimit}/min`, state,
            `dernier usage ${k.lastUsedAt?.toISOString() ?? "jamais"}`].join("  "),
        );
      }
      return 0;
    }
    case "revoke": {
      if (!values.id) return fail("revoke demande --id <keyId>");
      const k = await revokeApiKey(caller, values.id);
      console.log(`Clé ${k.id} (${k.name}) révoquée.`);
      return 0;
    }
    default:
      return fail(`Commande inconnue : ${command}`);
  }
}

function fail(message: string): number {
  console.error(message);
  console.error(USAGE);
  return 1;
}

let code = 1;
try {
  code = await main();
} catch (err) {
  if (isAppError(err)) {
    const details = err.details ? ` ${JSON.stringify(err.details)}` : "";
    console.error(`${err.code} : ${err.message}${details}`);
  } else {
    console.error(err);
  }
} finally {
  await closeDb();
}
process.exit(code);
