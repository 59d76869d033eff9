// The demo's fixed part: two companies of Abidjan, their services with realistic custom
// fields, agents and a client book with Ivorian names.
import type { ServiceFieldInput } from "../contract/fields";

export const DEMO = {
  appId: "6f1c2a9e-4b7d-4e21-9a3c-0d5e8f7a6b41",
  appName: "Rendez-vous Démo",
  owner: { email: "proprietaire@demo.rendez-vous.ci", password: "Abidjan-Demo-2026", name: "Mme Aïcha Ouattara" },
  staff: { email: "accueil.spa@demo.rendez-vous.ci", password: "Spa-Plateau-2026", name: "Christelle Aké" },
  // Public by design: demo data only. Real keys are random (`npm run apikey -- create`).
  apiKey: "rdv_DEMO-public-key_Abidjan-Cocody-Plateau-2026",
} as const;

type DemoService = {
  slug: string;
  name: string;
  description: string;
  basePrice: number;
  duration: number;
  categories: string[];
  fields: ServiceFieldInput[];
};

export type DemoCompany = {
  slug: string;
  name: string;
  description: string;
  address: string;
  telephone: string;
  email: string;
  isDefault: boolean;
  services: DemoService[];
  agents: { fullname: string; role: string; telephone: string; services: string[] }[];
};

export const DEMO_COMPANIES: DemoCompany[] = [
  {
    slug: "salon-elegance-cocody",
    name: "Salon Élégance Cocody",
    description: "Coiffure, tresses et beauté des mains à Cocody Riviera 2.",
    address: "Rue des Jardins, Riviera 2, Cocody, Abidjan",
    telephone: "+2252722441010",
    email: "contact@salon-elegance.ci",
    isDefault: true,
    services: [
      {
        slug: "coupe-homme",
        name: "Coupe homme",
        description: "Coupe aux ciseaux ou à la tondeuse, finitions et contours.",
        basePrice: 3000,
        duration: 30,
        categories: ["Coiffure", "Homme"],
        fields: [
          {
            name: "type_coupe",
            label: "Type de coupe",
            type: "select",
            required: true,
            options: [
              { label: "Classique", value: "classique", price: 0 },
              { label: "Dégradé", value: "degrade", price: 1000 },
              { label: "Dégradé avec motif", value: "design", price: 2500 },
            ],
          },
          { name: "commentaires", label: "Commentaires", type: "text", required: false, maxLength: 200 },
        ],
      },
      {
        slug: "tresses",
        name: "Tresses",
        description: "Nattes collées, box braids ou vanilles, mèches fournies ou non.",
        basePrice: 15000,
        duration: 180,
        categories: ["Coiffure", "Femme"],
        fields: [
          {
            name: "modele",
            label: "Modèle",
            type: "select",
            required: true,
            options: [
              { label: "Nattes collées", value: "nattes_collees", price: 0 },
              { label: "Vanilles", value: "vanilles", price: 5000 },
              { label: "Box braids", value: "box_braids", price: 10000 },
            ],
          },
          {
            name: "longueur",
            label: "Longueur",
            type: "select",
            required: true,
            options: [
              { label: "Épaules", value: "epaules", price: 0 },
              { label: "Mi-dos", value: "mi_dos", price: 3000 },
              { label: "Taille", value: "taille", price: 6000 },
            ],
          },
          {
            name: "meches_fournies",
            label: "Mèches fournies par le salon",
            type: "select",
            required: false,
            options: [
              { label: "Oui", value: "oui", price: 4000 },
              { label: "Non, j'apporte les miennes", value: "non", price: 0 },
            ],
          },
          { name: "date_evenement", label: "Date de l'événement", type: "date", required: false },
        ],
      },
      {
        slug: "brushing-soin",
        name: "Brushing & soin",
        description: "Shampooing, soin profond et brushing.",
        basePrice: 8000,
        duration: 60,
        categories: ["Coiffure", "Soin"],
        fields: [
          {
            name: "soins",
            label: "Soins en plus",
            type: "multipleSelect",
            required: false,
            options: [
              { label: "Masque hydratant", value: "masque", price: 2000 },
              { label: "Bain d'huile", value: "huile", price: 1500 },
              { label: "Kératine", value: "keratine", price: 7000 },
            ],
          },
          { name: "longueur_cm", label: "Longueur des cheveux (cm)", type: "number", required: false },
        ],
      },
      {
        slug: "manucure",
        name: "Manucure",
        description: "Limage, cuticules et vernis semi-permanent.",
        basePrice: 5000,
        duration: 45,
        categories: ["Ongles"],
        fields: [
          { name: "couleur", label: "Couleur du vernis", type: "text", required: false, maxLength: 50 },
          { name: "telephone_rappel", label: "Téléphone pour le rappel", type: "phone", required: false },
        ],
      },
    ],
    agents: [
      { fullname: "Awa Koné", role: "Coiffeuse", telephone: "+2250707112233", services: ["tresses", "brushing-soin", "coupe-homme"] },
      { fullname: "Koffi Yao", role: "Barbier", telephone: "+2250505223344", services: ["coupe-homme"] },
      { fullname: "Mariam Traoré", role: "Tresseuse", telephone: "+2250101334455", services: ["tresses", "manucure"] },
      { fullname: "Aminata Bamba", role: "Esthéticienne", telephone: "+2250707445566", services: ["manucure", "brushing-soin"] },
    ],
  },
  {
    slug: "spa-lagune-plateau",
    name: "Spa Lagune Plateau",
    description: "Massages, soins du visage et hammam au cœur du Plateau.",
    address: "Avenue Chardy, Plateau, Abidjan",
    telephone: "+2252720335566",
    email: "bonjour@spa-lagune.ci",
    isDefault: false,
    services: [
      {
        slug: "massage-relaxant",
        name: "Massage relaxant",
        description: "Massage du corps entier aux huiles chaudes.",
        basePrice: 20000,
        duration: 60,
        categories: ["Massage"],
        fields: [
          {
            name: "huile",
            label: "Huile",
            type: "select",
            required: true,
            options: [
              { label: "Karité", value: "karite", price: 0 },
              { label: "Coco", value: "coco", price: 0 },
              { label: "Huile essentielle de citronnelle", value: "citronnelle", price: 2500 },
            ],
          },
          {
            name: "pression",
            label: "Pression",
            type: "select",
            required: false,
            options: [
              { label: "Douce", value: "douce", price: 0 },
              { label: "Moyenne", value: "moyenne", price: 0 },
              { label: "Forte", value: "forte", price: 0 },
            ],
          },
          { name: "allergies", label: "Allergies ou contre-indications", type: "text", required: false, maxLength: 300 },
        ],
      },
      {
        slug: "soin-visage",
        name: "Soin du visage",
        description: "Nettoyage, gommage et masque adaptés à votre peau.",
        basePrice: 15000,
        duration: 45,
        categories: ["Visage"],
        fields: [
          {
            name: "type_peau",
            label: "Type de peau",
            type: "select",
            required: true,
            options: [
              { label: "Normale", value: "normale", price: 0 },
              { label: "Grasse", value: "grasse", price: 0 },
              { label: "Sèche", value: "seche", price: 0 },
              { label: "Sensible", value: "sensible", price: 2000 },
            ],
          },
          { name: "age", label: "Âge", type: "number", required: false },
        ],
      },
      {
        slug: "hammam",
        name: "Hammam",
        description: "Hammam privatif avec gommage au savon noir.",
        basePrice: 12000,
        duration: 90,
        categories: ["Bien-être"],
        fields: [
          { name: "nombre_personnes", label: "Nombre de personnes", type: "number", required: true },
          { name: "email_recu", label: "E-mail pour le reçu", type: "email", required: false },
        ],
      },
    ],
    agents: [
      { fullname: "Adjoua N'Guessan", role: "Masseuse", telephone: "+2250708556677", services: ["massage-relaxant", "hammam"] },
      { fullname: "Serge Kouadio", role: "Esthéticien", telephone: "+2250506667788", services: ["soin-visage", "massage-relaxant", "hammam"] },
    ],
  },
];

const FIRST_NAMES = [
  "Aya", "Adjoua", "Affoué", "Akissi", "Amenan", "Ahou", "Mariam", "Fatou", "Awa", "Salimata",
  "Koffi", "Kouassi", "Yao", "Konan", "Kouamé", "Ismaël", "Moussa", "Seydou", "Didier", "Serge",
];
const LAST_NAMES = [
  "Kouadio", "N'Guessan", "Koné", "Touré", "Traoré", "Ouattara", "Bamba", "Coulibaly", "Yao", "Kouamé",
  "Diabaté", "Konaté", "Gbagbo", "Aka", "Bédié", "Soro", "Dosso", "Cissé", "Fofana", "Ehui",
];
const MOBILE_PREFIXES = ["07", "05", "01"];

/** 40 customers, the same every time (the PRNG is seeded). */
export function demoCustomers(random: () => number) {
  const seen = new Set<string>();
  const out: { fullname: string; telephone: string; email: string | null }[] = [];
  while (out.length < 40) {
    const first = FIRST_NAMES[Math.floor(random() * FIRST_NAMES.length)];
    const last = LAST_NAMES[Math.floor(random() * LAST_NAMES.length)];
    const fullname = `${first} ${last}`;
    if (seen.has(fullname)) continue;
    seen.add(fullname);
    const prefix = MOBILE_PREFIXES[Math.floor(random() * MOBILE_PREFIXES.length)];
    const number = String(Math.floor(random() * 1e8)).padStart(8, "0");
    const email = random() < 0.4 ? `${slugEmail(first)}.${slugEmail(last)}@exemple.ci` : null;
    out.push({ fullname, telephone: `+225${prefix}${number}`, email });
  }
  return out;
}

function slugEmail(s: string) {
  return s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-zA-Z]/g, "").toLowerCase();
}

/** mulberry32: a small seeded PRNG, so the demo is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
