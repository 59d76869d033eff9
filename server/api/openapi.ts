// The OpenAPI 3.1 document, generated from the routes' zod schemas (never written by hand).
import type { Api } from "./app";

const DESCRIPTION = `
API compatible avec l'API REST Multi-Service d'Applite. Toutes les routes sont en **POST**
avec un corps JSON (64 Ko au plus) qui porte la clé API dans \`apiKey\` ; l'en-tête
\`Authorization: Bearer <clé>\` est accepté aussi. Envoyée des deux façons, la clé doit être
la même (sinon 401) ; un en-tête \`Authorization\` qui n'est pas \`Bearer <clé>\` compte comme
une mauvaise clé, même avec un \`apiKey\` valide dans le corps.

Réponses : \`{ "success": true, "data": … }\` (les listes ajoutent \`nextCursor\`), ou
\`{ "success": false, "error": { "code", "message", "details"? } }\`. Les codes font foi ;
les messages sont en français.

- **Clés** : droits \`appointments:read\`, \`appointments:write\`, \`appointments:status\`,
  \`catalog:read\`, \`catalog:write\`, \`data:export\`, \`webhooks:manage\`, \`messages:manage\` ;
  une clé peut être limitée à une entreprise. Une clé absente, inconnue, révoquée ou d'une autre application : 401 \`not-authorized\` ; un droit
  manquant : 403 \`not-authorized\`. L'identifiant d'une autre application ou entreprise répond
  \`…-not-found\`, comme un identifiant inconnu.
- **Limite de débit** : par clé, 600 requêtes par minute par défaut ; au-delà 429
  \`rate-limited\` avec \`Retry-After\`.
- **Idempotence** : l'en-tête \`Idempotency-Key\` sur les créations rejoue la première réponse
  pendant 24 h.
- **Dates** : ISO 8601 avec fuseau (\`2025-01-15T10:00:00Z\` ou \`+01:00\`), renvoyées en UTC.
- **Statuts** : \`PENDING\`, \`CONFIRMED\`, \`IN_PROGRESS\`, \`COMPLETED\`, \`CANCELLED\` (acceptés
  aussi en camelCase : \`pending\`, \`inProgress\`…), toujours renvoyés en majuscules.
`.trim();

export function openApiDocument(api: Api, serverUrl?: string) {
  return api.getOpenAPI31Document({
    openapi: "3.1.0",
    info: { title: "Rendez-vous — API Multi-Service", version: "1.0.0", description: DESCRIPTION },
    servers: serverUrl ? [{ url: serverUrl }] : undefined,
    tags: [
      { name: "Rendez-vous", description: "Créer, lister, lire et faire avancer les rendez-vous" },
      { name: "Services", description: "Le catalogue : prestations, durées, prix et champs personnalisés" },
      { name: "Agents", description: "Les personnes qui réalisent les services" },
      { name: "Entreprises", description: "Les entreprises (salons, spas…) de l'application" },
      { name: "Clients", description: "Le carnet de clients de l'application" },
      { name: "Données", description: "L'export de toutes les données de l'application (ZIP de JSON et CSV)" },
      { name: "Messages", description: "Les messages aux clients (WhatsApp, SMS, e-mail) : journal, renvoi, réglages et fournisseurs" },
      { name: "Disponibilités", description: "Les créneaux libres d'un service, par agent, selon les horaires, les absences et les rendez-vous" },
      { name: "Horaires", description: "Les horaires d'ouverture des entreprises, la semaine et les absences des agents" },
      { name: "Événements", description: "Le flux des changements de rendez-vous (le même que les webhooks), pour rattraper ceux manqués" },
      {
        name: "Webhooks",
        description:
          "Les points de réception des événements, signés selon Standard Webhooks : la signature `v1,<base64>` est le " +
          "HMAC-SHA256 de `<webhook-id>.<webhook-timestamp>.<corps brut>`, avec pour clé le secret après `whsec_`, décodé du base64",
      },
    ],
  });
}
