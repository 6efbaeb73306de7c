// Where the go-live journey runs (GOLIVE_PORT; the SMTP sink and the control port follow it).
const port = Number(process.env.GOLIVE_PORT ?? 3160);

export const GOLIVE = {
  port,
  smtpPort: port + 1,
  controlPort: port + 2,
  operatorEmail: "operator@golive.test",
} as const;

/** A letter the sink received: envelope, subject, the text with its transfer encoding undone, and the raw message. */
export type CapturedLetter = { from: string; to: string[]; subject: string; text: string; raw: string; at: string };
