"use client";

// The server actions the UI calls, handed down once by the root layout: components never import
// from app/. Their types come from the actions themselves: app/actions-registry.ts adds its
// entries to the DashboardActions interface below (declaration merging), so a renamed or retyped
// action breaks the components that call it at compile time.
import { createContext, use } from "react";

// Filled in by app/actions-registry.ts.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DashboardActions {}

const ActionsContext = createContext<DashboardActions | null>(null);

export function ActionsProvider({ actions, children }: { actions: DashboardActions; children: React.ReactNode }) {
  return <ActionsContext value={actions}>{children}</ActionsContext>;
}

export function useActions(): DashboardActions {
  const actions = use(ActionsContext);
  if (!actions) throw new Error("useActions() outside ActionsProvider (app/layout.tsx)");
  return actions;
}
