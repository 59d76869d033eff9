import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { ActionsProvider } from "@/components/actions-context";
import { Toaster } from "@/components/ui/sonner";
import { actionsRegistry } from "./actions-registry";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Rendez-vous", template: "%s · Rendez-vous" },
  description: "Prise de rendez-vous pour salons, spas, cliniques et ateliers.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen antialiased">
        <NextIntlClientProvider>
          <ActionsProvider actions={actionsRegistry}>
            <NuqsAdapter>{children}</NuqsAdapter>
          </ActionsProvider>
          <Toaster position="bottom-right" />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
