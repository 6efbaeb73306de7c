import { SMTPServer, type SMTPServerSession } from "smtp-server";
import type { MailTransport, OutgoingEmail } from "../../lib/reminders/mailer";

/** A received letter as the sink saw it: envelope and the raw message (headers and body). */
export type ReceivedLetter = { from: string; to: string[]; raw: string };

/**
 * A local SMTP sink on loopback (port 0: any free one), for tests that need a real mail server: every
 * letter is handed to onLetter. No authentication, no TLS.
 */
export function startSmtpSink(port: number, onLetter: (letter: ReceivedLetter, session: SMTPServerSession) => void): Promise<SMTPServer> {
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => (raw += chunk));
      stream.on("end", () => {
        onLetter({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), raw }, session);
        callback();
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

/** A single-part letter's text as received by an SMTP sink, its transfer encoding (base64 or quoted-printable) undone. */
export function letterText(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join("\n\n");
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(head ?? "")?.[1]?.toLowerCase();
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") {
    const escaped = body.replace(/=\r?\n/g, "").replace(/%/g, "%25").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
    return decodeURIComponent(escaped);
  }
  return body;
}

/**
 * A mail transport that keeps what it sends, for tests that need no server: `behaviour` sees each letter first
 * and may throw (a refused delivery, which is then not kept); `delayMs` makes sending slow enough for two
 * senders to interleave.
 */
export function fakeTransport(options: { behaviour?: (email: OutgoingEmail) => void; delayMs?: number } = {}): MailTransport & { sent: OutgoingEmail[] } {
  const sent: OutgoingEmail[] = [];
  return {
    sent,
    async send(email) {
      if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
      options.behaviour?.(email);
      sent.push(email);
    },
  };
}
