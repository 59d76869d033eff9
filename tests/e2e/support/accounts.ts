// The demo's public accounts (db/seed/demo-catalog.ts).
export const OWNER = { email: "proprietaire@demo.rendez-vous.ci", password: "Abidjan-Demo-2026", name: "Mme Aïcha Ouattara" };
export const SPA_STAFF = { email: "accueil.spa@demo.rendez-vous.ci", password: "Spa-Plateau-2026", name: "Christelle Aké" };
export const SALON = "salon-elegance-cocody";
export const SPA = "spa-lagune-plateau";

/** Added by tests/e2e/server.ts: a company in Europe/Paris. */
export const PARIS = {
  slug: "atelier-paris",
  name: "Atelier Paris Bastille",
  service: "Barbe",
  agent: "Julien Martin",
} as const;

/** Added by tests/e2e/server.ts: 12 agents and 500 appointments this week (the calendar's load check). */
export const DENSE = { slug: "salon-zenith-treichville", name: "Salon Zénith Treichville" } as const;

/** Added by tests/e2e/server.ts: another app where the demo owner is an admin too. */
export const SECOND_APP = {
  id: "0b7e4c1a-2d3f-4a5b-8c6d-7e8f9a0b1c2d",
  name: "Institut Beauté Yamoussoukro",
  company: { slug: "institut-yamoussoukro", name: "Institut Yamoussoukro Centre" },
} as const;

/** The demo app and its public API key (db/seed/demo-catalog.ts). */
export const DEMO_APP = "6f1c2a9e-4b7d-4e21-9a3c-0d5e8f7a6b41";
export const DEMO_KEY = "rdv_DEMO-public-key_Abidjan-Cocody-Plateau-2026";

/** Added by tests/e2e/server.ts: a customer whose message failed (every channel refused) and who replied. */
export const MESSAGES_FIXTURE = {
  customer: "Mariam Diomandé",
  phone: "+2250102030405",
  reply: "Bonjour, je serai 15 minutes en retard",
} as const;
