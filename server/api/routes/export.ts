import { Readable } from "node:stream";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { exportAppZip, exportFileName } from "@/lib/export/zip";
import type { ApiEnv } from "../env";
import { AppParams, Bodies } from "../schemas";
import { commonErrors, jsonBody, path, security } from "./common";

const exportData = createRoute({
  method: "post",
  path: path("export"),
  tags: ["Données"],
  summary: "Exporter les données",
  description:
    "Toutes les données de l'application (de l'entreprise de la clé si elle en a une) dans une archive ZIP, " +
    "envoyée au fil de la lecture : pour chaque jeu un fichier JSON (un tableau d'objets) et un CSV (séparateur " +
    "`;`, UTF-8 avec BOM) — `companies`, `services`, `agents`, `customers` (pour une clé limitée à une entreprise : " +
    "les clients qui y ont un rendez-vous), `appointments`, `appointment_events` (l'historique) — puis " +
    "`manifest.json` (date, nombre de lignes). Dates en ISO 8601 UTC. Lu par pages : une modification faite " +
    "pendant l'export peut apparaître dans un fichier et pas dans un autre. Droit `data:export`.",
  security,
  request: { params: AppParams, body: jsonBody(Bodies.empty) },
  responses: {
    200: {
      description: "L'archive ZIP (Content-Disposition donne son nom)",
      content: { "application/zip": { schema: z.string().meta({ format: "binary" }) } },
    },
    ...commonErrors,
  },
});

export function exportRoutes(api: OpenAPIHono<ApiEnv>) {
  api.openapi(exportData, async (c) => {
    const now = new Date();
    // Refused (403) here, before the first byte: once streaming, a failure can only cut the archive.
    const zip = exportAppZip(c.var.auth.caller, { now });
    c.header("Content-Type", "application/zip");
    c.header("Content-Disposition", `attachment; filename="${exportFileName(now)}"`);
    return c.body(Readable.toWeb(zip) as ReadableStream<Uint8Array>, 200) as never;
  });
}
