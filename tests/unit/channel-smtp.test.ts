// The SMTP adapter in a real SMTP conversation with a local server (smtp-server), each received
// message parsed with mailparser: what arrives, and what each kind of refusal or fault becomes.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerSession } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OutgoingMessage } from "@/lib/messages/channel";
import { createSmtpChannel } from "@/lib/messages/channels/smtp";

const received: { envelope: { from: string; to: string[] }; user?: string; mail: ParsedMail }[] = [];
/** Woken when the server holds a whole message it will never answer. */
const held: (() => void)[] = [];
let server: SMTPServer;
let settings: Record<string, string>;
const email = createSmtpChannel();

/** The server's own connection object for a session (to drop it from under the client). */
function socketOf(session: SMTPServerSession) {
  const connections = (server as unknown as { connections: Set<{ session: SMTPServerSession; _socket: { destroy(): void } }> }).connections;
  return [...connections].find((c) => c.session === session)?._socket;
}

beforeAll(async () => {
  server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === "salon" && auth.password === "mot-de-passe") callback(null, { user: "salon" });
      else callback(Object.assign(new Error("5.7.8 Identifiants invalides"), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      const local = address.address.split("@")[0];
      if (local === "inconnu") return callback(Object.assign(new Error("5.1.1 Boîte inconnue"), { responseCode: 550 }));
      if (local === "plein") return callback(Object.assign(new Error("4.2.2 Boîte pleine, réessayez plus tard"), { responseCode: 452 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        // The whole message is here; drop the line before answering, or never answer.
        if (to[0].startsWith("coupure@")) return socketOf(session)?.destroy();
        if (to[0].startsWith("silence@")) return held.splice(0).forEach((h) => h());
        received.push({ envelope: { from: String(session.envelope.mailFrom && session.envelope.mailFrom.address), to }, user: session.user as string | undefined, mail: await simpleParser(Buffer.concat(chunks)) });
        callback(null, "2.0.0 Ok: queued as F4KE");
      });
    },
  });
  // A client that drops its connection (the aborted send below) is an error the server emits.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = String((server.server.address() as AddressInfo).port);
  settings = { host: "127.0.0.1", port, security: "none", fromAddress: "rdv@salon-elegance.ci", fromName: "Salon Élégance" };
});
afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

const confirmation: OutgoingMessage = {
  id: "5d2c1b0a-9e8f-4a7b-8c6d-5e4f3a2b1c0d",
  channel: "email",
  to: "awa.kone@exemple.ci",
  subject: "Votre rendez-vous du vendredi 5 décembre est confirmé",
  body: "Bonjour Awa,\n\nVotre rendez-vous « Coupe & brushing » est confirmé pour vendredi à 10 h 00 avec Aïcha.\nMontant : 15 000 F CFA.\n\nÀ très bientôt !",
};

describe("e-mail over SMTP", () => {
  it("delivers the message: recipient, sender, subject and French UTF-8 body; Message-ID from our id", async () => {
    const outcome = await email.send(confirmation, settings);
    expect(outcome).toEqual({ state: "sent", providerId: `<${confirmation.id}@salon-elegance.ci>` });
    const { envelope, mail } = received.at(-1)!;
    expect(envelope).toEqual({ from: "rdv@salon-elegance.ci", to: ["awa.kone@exemple.ci"] });
    expect(mail.from?.value).toEqual([{ name: "Salon Élégance", address: "rdv@salon-elegance.ci" }]);
    expect(mail.to && !Array.isArray(mail.to) && mail.to.value[0].address).toBe("awa.kone@exemple.ci");
    expect(mail.subject).toBe(confirmation.subject);
    expect(mail.text?.trim()).toBe(confirmation.body);
    expect(mail.messageId).toBe(`<${confirmation.id}@salon-elegance.ci>`);
    expect(mail.headers.get("auto-submitted")).toBe("auto-generated");
    expect(email.idempotent).toBe(false);
  });

  it("logs in when a user is set; a refused login is final", async () => {
    expect((await email.send(confirmation, { ...settings, user: "salon", password: "mot-de-passe" })).state).toBe("sent");
    expect(received.at(-1)!.user).toBe("salon");
    expect(await email.send(confirmation, { ...settings, user: "salon", password: "faux" })).toMatchObject({ state: "failed", retry: false, reason: expect.stringMatching(/Authentification SMTP refusée \(535\).*Identifiants invalides/) });
  });

  it("a 5xx refusal is final, a 4xx one is retried, each with the server's words", async () => {
    expect(await email.send({ ...confirmation, to: "inconnu@exemple.ci" }, settings)).toMatchObject({ state: "failed", retry: false, reason: expect.stringMatching(/\(550\).*Boîte inconnue/) });
    expect(await email.send({ ...confirmation, to: "plein@exemple.ci" }, settings)).toMatchObject({ state: "failed", retry: true, reason: expect.stringMatching(/pour le moment \(452\).*Boîte pleine/) });
  });

  it("a connection dropped after the message was sent is unknown (SMTP has no idempotency key)", async () => {
    expect(await email.send({ ...confirmation, to: "coupure@exemple.ci" }, settings)).toMatchObject({ state: "unknown", reason: expect.stringContaining("peut-être été envoyé") });
  });

  it("no server listening is a retry: nothing was sent", async () => {
    const idle = new SMTPServer({ logger: false });
    await new Promise<void>((resolve) => idle.listen(0, "127.0.0.1", () => resolve()));
    const port = String((idle.server.address() as AddressInfo).port);
    await new Promise<void>((resolve) => idle.close(() => resolve()));
    expect(await email.send(confirmation, { ...settings, port })).toMatchObject({ state: "failed", retry: true, reason: expect.stringContaining("ECONNREFUSED") });
  });

  it("no encryption where it is required is final, with the reason: no STARTTLS offered, an untrusted certificate", async () => {
    expect(await email.send(confirmation, { ...settings, security: "starttls" })).toMatchObject({ state: "failed", retry: false, reason: expect.stringContaining("Connexion chiffrée impossible") });
    // smtp-server's built-in certificate is not one this machine trusts.
    const tls = new SMTPServer({ secure: true, authOptional: true, logger: false });
    tls.on("error", () => {});
    await new Promise<void>((resolve) => tls.listen(0, "127.0.0.1", () => resolve()));
    const port = String((tls.server.address() as AddressInfo).port);
    expect(await email.send(confirmation, { ...settings, security: "tls", port })).toMatchObject({ state: "failed", retry: false, reason: expect.stringMatching(/Connexion chiffrée impossible.*certificate/) });
    await new Promise<void>((resolve) => tls.close(() => resolve()));
  });

  it("the sender's AbortSignal stops a server that never answers, without waiting for the time limit", async () => {
    const controller = new AbortController();
    const before = received.length;
    const pending = email.send({ ...confirmation, to: "silence@exemple.ci" }, settings, controller.signal);
    // Abort once the server holds the whole message and stays silent.
    await new Promise<void>((resolve) => held.push(resolve));
    expect(received.length).toBe(before);
    controller.abort();
    expect(await pending).toMatchObject({ state: "unknown", reason: expect.stringContaining("Envoi interrompu") });
  });

  it("refuses bad settings before connecting: a plain connection to a remote server, a missing sender", async () => {
    expect(await email.send(confirmation, { ...settings, host: "smtp.example.com" })).toMatchObject({ state: "failed", retry: false, reason: expect.stringContaining("security") });
    expect(await email.send(confirmation, { ...settings, fromAddress: "pas-une-adresse" })).toMatchObject({ state: "failed", retry: false, reason: expect.stringContaining("fromAddress") });
  });
});
