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
