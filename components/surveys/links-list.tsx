"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { CONTROL } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { Table, Td } from "@/components/ui/table";
import { formatDate } from "@/lib/format";

export type ShownLink = { recipientId: string; name: string; path: string; expiresAt: string };


/**
 * One-time links, shown once right after they were made (the server keeps only their hashes): a table
 * to read, a plain list to copy or print and hand over.
 */
export function LinksList({ links }: { links: ShownLink[] }) {
  const t = useTranslations("surveys");
  const listId = useId();
  const [copied, setCopied] = useState<boolean | null>(null);
  if (links.length === 0) return null;
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  const url = (path: string) => `${origin}${path}`;
  const plain = links.map((l) => `${l.name} — ${url(l.path)} (${t("linkValidUntil", { date: formatDate(new Date(l.expiresAt)) })})`).join("\n");
  return (
    <div className="flex flex-col gap-3" data-testid="survey-links">
      <Notice kind="info">
        <p className="font-medium">{t("linksOnce")}</p>
        <p>{t("linksHowTo")}</p>
      </Notice>
      <Table caption={t("linksCaption")} head={[t("recipient"), t("link"), t("validUntil")]}>
        {links.map((l) => (
          <tr key={l.recipientId}>
            <Td>{l.name}</Td>
            <Td>
              <code className="break-all text-xs">{url(l.path)}</code>
            </Td>
            <Td>{formatDate(new Date(l.expiresAt))}</Td>
          </tr>
        ))}
      </Table>
      <div className="flex flex-col gap-1">
        <label htmlFor={listId} className="text-sm font-medium">
          {t("linksPlain")}
        </label>
        <textarea id={listId} readOnly rows={Math.min(12, links.length + 1)} className={`${CONTROL} font-mono text-xs`} value={plain} onFocus={(e) => e.currentTarget.select()} />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button
          type="button"
          variant="secondary"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(plain);
              setCopied(true);
            } catch {
              setCopied(false);
            }
          }}
        >
          {t("copyLinks")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => window.print()}>
          {t("printLinks")}
        </Button>
        {copied === null ? null : (
          <span role="status" className={`text-sm ${copied ? "text-green-800" : "text-red-800"}`}>
            {copied ? t("copied") : t("copyFailed")}
          </span>
        )}
      </div>
    </div>
  );
}
