// The API reference, rendered by Scalar from /api/openapi.json (generated from the routes).
import type { Metadata } from "next";
import Script from "next/script";

export const metadata: Metadata = { title: "Référence de l'API" };

// No AI agent, developer toolbar or telemetry: the page must work offline and send nothing out.
const configuration = JSON.stringify({
  url: "/api/openapi.json",
  hideClientButton: true,
  showDeveloperTools: "never",
  agent: { disabled: true },
  telemetry: false,
});

export default function ApiReferencePage() {
  return (
    <>
      <noscript>
        La référence interactive demande JavaScript ; le document OpenAPI est à <a href="/api/openapi.json">/api/openapi.json</a>.
      </noscript>
      {/* Scalar mounts itself in place of this element when its script loads. */}
      <script id="api-reference" data-configuration={configuration} />
      <Script src="/docs/api/scalar.js" strategy="afterInteractive" />
    </>
  );
}
