// A provider's send rate cap through the API (messages/providers/set and list): set, kept when
// other fields change, back to the channel's default with null; a cap outside 1–1000 or not a
// whole number is a 400 naming `ratePerSecond`, nothing changed. On the production server and
// on the Next route handler.
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RATE_PER_SECOND } from "@/lib/contract/message-rate";
import { type ApiTenant, API_URL, makeApiTenant, NEXT_URL } from "./support/api";

let t: ApiTenant;
const sms = { settings: { url: "https://sms.example/send" }, secrets: { authValue: "Bearer k", callbackSecret: "callback-secret-0123456789" } };

beforeAll(async () => {
  t = await makeApiTenant("Messages rate");
});

describe.each([
  ["production server", API_URL],
  ["next start", NEXT_URL],
])("messages/providers ratePerSecond (%s)", (_, base) => {
  const smsOf = async () => {
    const listed = await t.call("messages/providers/list", {}, { base });
    expect(listed.status, listed.text).toBe(200);
    return listed.body.data.find((p: { channel: string }) => p.channel === "sms");
  };

  it("sets, keeps and resets the cap; the journal has none by default", async () => {
    const set = await t.call("messages/providers/set", { channel: "sms", ...sms, ratePerSecond: 80 }, { base });
    expect(set.status, set.text).toBe(200);
    expect(set.body.data).toMatchObject({ channel: "sms", ratePerSecond: 80, ratePerSecondSet: true });
    expect((await t.call("messages/providers/set", { channel: "sms", enabled: true }, { base })).body.data).toMatchObject({ ratePerSecond: 80 });
    expect(await smsOf()).toMatchObject({ ratePerSecond: 80, ratePerSecondSet: true });
    const reset = await t.call("messages/providers/set", { channel: "sms", ratePerSecond: null }, { base });
    expect(reset.body.data).toMatchObject({ ratePerSecond: DEFAULT_RATE_PER_SECOND.sms, ratePerSecondSet: false });
    const journal = await t.call("messages/providers/set", { channel: "journal" }, { base });
    expect(journal.body.data).toMatchObject({ ratePerSecond: null, ratePerSecondSet: false });
  });

  it("refuses a cap outside 1–1000 or not a whole number with a 400 naming the field, nothing changed", async () => {
    await t.call("messages/providers/set", { channel: "sms", ratePerSecond: 120 }, { base });
    for (const bad of [0, 1001, 2.5, "250", true]) {
      const res = await t.call("messages/providers/set", { channel: "sms", ratePerSecond: bad, settings: { url: "https://other.example/send" } }, { base });
      expect(res.status, res.text).toBe(400);
      expect(res.body.error.code).toBe("validation-error");
      expect(Object.keys(res.body.error.details.fields)).toEqual(["ratePerSecond"]);
    }
    expect(await smsOf()).toMatchObject({ ratePerSecond: 120, settings: { url: "https://sms.example/send" } });
  });
});
