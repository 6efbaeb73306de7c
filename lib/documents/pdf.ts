// PDF from a generated .docx through LibreOffice headless (`soffice --headless --convert-to pdf`), when it
// is installed on the server (README: «PDF»); when it is not, callers say so instead of offering the link.
import "server-only";
import { spawn, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

let found: string | null | undefined;

/** The LibreOffice binary on PATH (soffice or libreoffice), or null; looked up once per process. */
export function libreOffice(): string | null {
  if (found === undefined) {
    found = ["soffice", "libreoffice"].find((name) => spawnSync("which", [name]).status === 0) ?? null;
  }
  return found;
}

const TIMEOUT_MS = 120_000;

/**
 * Converts one file with LibreOffice to `format` ("pdf", "txt:Text"…) in a temporary directory with its own
 * profile (no clash with another conversion running), returns the bytes; null when LibreOffice is absent
 * or the conversion produced nothing.
 */
export async function convertWithLibreOffice(input: Buffer, inputName: string, format: string): Promise<Buffer | null> {
  const soffice = libreOffice();
  if (!soffice) return null;
  const dir = await mkdtemp(path.join(tmpdir(), "nastavnik-convert-"));
  try {
    const file = path.join(dir, inputName);
    await writeFile(file, input);
    await new Promise<void>((resolve) => {
      const child = spawn(soffice, [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--convert-to", format, "--outdir", dir, file], { stdio: "ignore" });
      const timer = setTimeout(() => child.kill("SIGKILL"), TIMEOUT_MS);
      child.on("close", () => {
        clearTimeout(timer);
        resolve();
      });
      child.on("error", () => {
        clearTimeout(timer);
        resolve();
      });
    });
    const extension = format.split(":")[0]!;
    const output = path.join(dir, `${path.parse(inputName).name}.${extension}`);
    return await readFile(output).catch(() => null);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A .docx as PDF, or null (LibreOffice absent or failed). */
export function docxToPdf(docx: Buffer): Promise<Buffer | null> {
  return convertWithLibreOffice(docx, "document.docx", "pdf");
}
