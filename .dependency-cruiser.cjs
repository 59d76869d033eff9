// The layers of README "Layout", checked by `npm run lint:layers` (first step of `npm test`).
// Arrows point down only: app → components → lib → lib/contract; server → lib; db → lib/contract.
// A new import that runs back up fails here, with the rule's name and comment.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "contract-is-pure",
      comment:
        "lib/contract/ is shared by the server, the browser and the typed client: it imports only itself and zod/date-fns/libphonenumber-js (no server, Next, React, database or Node module).",
      severity: "error",
      from: { path: "^lib/contract/" },
      to: { pathNot: ["^lib/contract/", "^node_modules/(zod|date-fns|@date-fns/tz|libphonenumber-js)/"] },
    },
    {
      name: "client-imports-only-contract",
      comment: "lib/client/ (the typed API client) can be lifted out as its own package: it imports only lib/contract and zod.",
      severity: "error",
      from: { path: "^lib/client/" },
      to: { pathNot: ["^lib/(client|contract)/", "^node_modules/zod/"] },
    },
    {
      name: "db-imports-only-contract",
      comment: "db/ (schema, the one client, migrations) imports only lib/contract of the app's own code; the demo seed lives in lib/demo.",
      severity: "error",
      from: { path: "^db/" },
      to: { path: "^(app|components|server|i18n|scripts|lib/(?!contract/))", pathNot: "^db/" },
    },
    {
      name: "lib-knows-nothing-of-next",
      comment: "lib/ is the domain: no next/*, next-auth, next-intl, React, app/ or components/ (the session resolver lives in app/_server).",
      severity: "error",
      from: { path: "^lib/" },
      to: {
        path: [
          "^node_modules/(next|next-auth|next-intl|react|react-dom|nuqs)/",
          "^(app|components)/",
          "^auth\\.ts$",
          "^proxy\\.ts$",
        ],
      },
    },
    {
      name: "components-never-import-app",
      comment: "components/ get server actions from useActions() (components/actions-context.tsx), registered in app/actions-registry.ts; never from a route folder.",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^app/" },
    },
    {
      name: "server-never-imports-ui",
      comment: "server/ (the Hono API and the production server) depends on lib/ and db/, never on app/ or components/.",
      severity: "error",
      from: { path: "^server/" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "date-fns-by-function",
      comment:
        "date-fns is imported one function (or locale) at a time, `date-fns/addDays`: its index loads its ~250 modules and `date-fns/locale` every locale. Node 22+ re-reads date-fns's 200 KB package.json for each module it loads (nodejs/node#58126): the index alone took 2 s to load on Node 24 here, 0.15 s on Node 20.",
      severity: "error",
      from: {},
      to: { path: "^node_modules/date-fns/(index|locale)\\.(d\\.)?[cm]?[jt]s$" },
    },
    {
      name: "no-circular-contract",
      comment: "The contract's modules form no cycle (each one can be read on its own).",
      severity: "error",
      from: { path: "^lib/contract/" },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["^\\.next", "^\\.data", "^test-results"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
      mainFields: ["module", "main", "types", "typings"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
