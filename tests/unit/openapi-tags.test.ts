// The reference page groups endpoints by tag; a tag missing from the document's list shows up
// last, with no description (Webhooks, Événements, Disponibilités and Horaires once did).
import { describe, expect, it } from "vitest";
import { createApi } from "@/server/api/app";
import { openApiDocument } from "@/server/api/openapi";

describe("OpenAPI tags", () => {
  it("declares, with a description, every tag a route uses", () => {
    const doc = openApiDocument(createApi());
    const declared = new Map((doc.tags ?? []).map((t) => [t.name, t.description]));
    const used = new Set(
      Object.values(doc.paths ?? {}).flatMap((item) => (item?.post?.tags ?? []) as string[]),
    );
    expect(used.size).toBeGreaterThan(5);
    for (const tag of used) expect(declared.get(tag), tag).toEqual(expect.stringMatching(/\S/));
  });
});
