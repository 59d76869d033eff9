import { flexRender } from "@tanstack/react-table";

/**
 * A column's header or cell. flexRender renders a function as a component, so columns made
 * again (a live refresh gives `t` a new identity) are new component types: React remounted every
 * cell, which closed an open row menu and dropped the keyboard focus. Called from a component of
 * one type, only the output is compared.
 */
export function StableRender<C extends object>({ render, context }: { render: unknown; context: C }) {
  if (typeof render === "function") return (render as (context: C) => React.ReactNode)(context);
  return flexRender(render as Parameters<typeof flexRender<C>>[0], context);
}
