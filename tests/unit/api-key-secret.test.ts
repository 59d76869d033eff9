// Keys are found by their SHA-256 digest, stored when the key was made: however it is computed,
// the digest must stay the same hex text, or every key already given out stops working.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { digestApiKey, generateApiKey, looksLikeApiKey } from "@/lib/auth/api-key-secret";

describe("API key digests", () => {
  it("is the SHA-256 of the key in lowercase hex", () => {
    expect(digestApiKey("rdv_DEMO-public-key_Abidjan-Cocody-Plateau-2026")).toBe(
      createHash("sha256").update("rdv_DEMO-public-key_Abidjan-Cocody-Plateau-2026").digest("hex"),
    );
    // FIPS 180-2's own test vector.
    expect(digestApiKey("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("makes keys it recognises, each with its own digest", () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(looksLikeApiKey(a.key)).toBe(true);
    expect(a.digest).toBe(digestApiKey(a.key));
    expect(a.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(a.digest).not.toBe(b.digest);
    expect(a.key.startsWith(a.prefix)).toBe(true);
  });
});
