// E-mail over SMTP with nodemailer's SMTP connection (one connection a message, closed at once
// when the sender's AbortSignal fires). SMTP has no idempotency key: once the message's bytes
// have all left, a dropped connection may still have delivered it, so that case is "unknown";
// before that point, a retry cannot send twice. The server's reply code decides the rest: 4xx is
// "later" (greylisting, a full mailbox), 5xx is final.
import "server-only";
import MailComposer from "nodemailer/lib/mail-composer";
import SMTPConnection from "nodemailer/lib/smtp-connection";
import { type SmtpSettings, smtpSettingsSchema } from "@/lib/contract/message-providers";
import type { ChannelAdapter, OutgoingMessage, SendOutcome } from "@/lib/messages/channel";
import { shortText } from "./http";
import { isOutcome, readSettings, schemaOnce } from "./read-settings";

const smtpSchema = schemaOnce(smtpSettingsSchema);

export type SmtpChannelOptions = {
  /** For the whole conversation (and each silence inside it); 30 s unless told. */
  timeoutMs?: number;
};

/** Our message id as the Message-ID, so a bounce or a reply names the message it is about. */
export function smtpMessageId(id: string, fromAddress: string): string {
  return `<${id}@${fromAddress.split("@").pop() || "rendez-vous.local"}>`;
}

export async function composeEmail(message: OutgoingMessage, s: SmtpSettings): Promise<{ raw: Buffer; messageId: string }> {
  const messageId = smtpMessageId(message.id, s.fromAddress);
  const mail = new MailComposer({
    from: s.fromName ? { name: s.fromName, address: s.fromAddress } : s.fromAddress,
    to: message.to,
    subject: message.subject ?? "",
    text: message.body,
    messageId,
    // RFC 3834: sent by a program, so vacation auto-replies stay quiet.
    headers: { "Auto-Submitted": "auto-generated" },
  });
  return { raw: await mail.compile().build(), messageId };
}

type SmtpError = SMTPConnection.SMTPError;

function outcomeOf(err: SmtpError, bodyWritten: boolean): SendOutcome {
  const said = shortText(err.response || err.message);
  const code = err.responseCode;
  // No TLS where it is required (no STARTTLS offered, a certificate expired, self-signed or for
  // another name): another attempt meets the same server, so a person must fix it first.
  if (err.code === "ETLS" || err.command === "STARTTLS" || (!code && /certificate|self[- ]signed|unable to verify|altnames/i.test(err.message))) {
    return { state: "failed", retry: false, reason: `Connexion chiffrée impossible avec le serveur SMTP (${err.code ?? "TLS"} : ${said}) ; vérifiez le serveur, le port et la sécurité choisie` };
  }
  if (code && code >= 500) {
    const what = err.code === "EAUTH" ? "Authentification SMTP refusée" : "Le serveur SMTP a refusé le message";
    return { state: "failed", retry: false, reason: `${what} (${code}) : ${said}` };
  }
  if (code && code >= 400) return { state: "failed", retry: true, reason: `Le serveur SMTP a refusé le message pour le moment (${code}) : ${said}` };
  if (bodyWritten) {
    return { state: "unknown", reason: `Connexion SMTP perdue après l'envoi du message, avant la réponse du serveur (${err.code ?? "erreur"} : ${said}) ; le message a peut-être été envoyé` };
  }
  return { state: "failed", retry: true, reason: `Serveur SMTP injoignable ou connexion perdue avant l'envoi (${err.code ?? "erreur"} : ${said})` };
}

function deliver(s: SmtpSettings, to: string, raw: Buffer, messageId: string, timeoutMs: number, signal?: AbortSignal): Promise<SendOutcome> {
  // nodemailer logs "<n bytes encoded mime message>" once the whole message has been written.
  let bodyWritten = false;
  const quiet = () => {};
  const logger = {
    level: quiet,
    trace: quiet,
    debug: quiet,
    warn: quiet,
    error: quiet,
    fatal: quiet,
    info: (entry: { tnx?: string }) => {
      if (entry?.tnx === "message") bodyWritten = true;
    },
  };
  const conn = new SMTPConnection({
    host: s.host,
    port: Number(s.port),
    secure: s.security === "tls",
    requireTLS: s.security === "starttls",
    ignoreTLS: s.security === "none",
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    logger,
  });
  return new Promise<SendOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: SendOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      if (outcome.state === "sent") conn.quit();
      else conn.close();
      resolve(outcome);
    };
    const stop = (why: string) =>
      finish(
        bodyWritten
          ? { state: "unknown", reason: `${why} alors que le message était parti, sans réponse du serveur SMTP ; il a peut-être été envoyé` }
          : { state: "failed", retry: true, reason: `${why} (le message n'était pas encore parti)` },
      );
    const onAbort = () => stop("Envoi interrompu");
    const timer = setTimeout(() => stop(`Pas de réponse du serveur SMTP en ${Math.round(timeoutMs / 1000)} s`), timeoutMs);
    if (signal?.aborted) return onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
    conn.on("error", (err: SmtpError) => finish(outcomeOf(err, bodyWritten)));
    const send = () =>
      conn.send({ from: s.fromAddress, to: [to], size: raw.length }, raw, (err, info) => {
        if (err) return finish(outcomeOf(err, bodyWritten));
        if (info.accepted.length === 0) return finish({ state: "failed", retry: false, reason: `Destinataire refusé par le serveur SMTP : ${shortText(info.response)}` });
        finish({ state: "sent", providerId: messageId });
      });
    conn.connect((err) => {
      if (err) return finish(outcomeOf(err, bodyWritten));
      if (!s.user) return send();
      conn.login({ user: s.user, pass: s.password ?? "" }, (loginErr) => (loginErr ? finish(outcomeOf(loginErr, bodyWritten)) : send()));
    });
  });
}

export function createSmtpChannel(options: SmtpChannelOptions = {}): ChannelAdapter {
  return {
    channel: "email",
    idempotent: false,
    async send(message, settings, signal) {
      const s = readSettings(smtpSchema(false), settings, "SMTP");
      if (isOutcome(s)) return s;
      const { raw, messageId } = await composeEmail(message, s);
      return deliver(s, message.to, raw, messageId, options.timeoutMs ?? 30_000, signal);
    },
  };
}

/** The adapter the sender uses. */
export const smtpChannel = createSmtpChannel();
