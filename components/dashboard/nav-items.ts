// The dashboard's sections for one company. Not a client module: the server layout builds the
// list (only owners and admins get settings) and hands it to the client nav.
export type NavLabel = "home" | "appointments" | "calendar" | "messages" | "customers" | "services" | "agents" | "settings";
export type NavItem = { href: string; label: NavLabel; exact?: boolean };

export function navItems(slug: string, canManage: boolean): NavItem[] {
  const base = `/c/${slug}`;
  return [
    { href: base, label: "home", exact: true },
    { href: `${base}/appointments`, label: "appointments" },
    { href: `${base}/calendar`, label: "calendar" },
    { href: `${base}/messages`, label: "messages" },
    { href: `${base}/customers`, label: "customers" },
    { href: `${base}/services`, label: "services" },
    { href: `${base}/agents`, label: "agents" },
    ...(canManage ? [{ href: `${base}/settings`, label: "settings" as const }] : []),
  ];
}
