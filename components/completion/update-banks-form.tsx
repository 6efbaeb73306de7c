"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { Table, Td } from "@/components/ui/table";
import { useActionForm } from "@/components/ui/use-action-form";
import { updateBanks } from "@/lib/completion/actions";
import { UpdateBanksInput } from "@/lib/completion/schemas";
import { ClientForm } from "@/components/ui/client-form";

export type StaleMentee = { id: string; name: string; completedPair: boolean };
type Values = { org: string; programId: string; keepWaiting: string[] };

/**
 * «Обновить банки»: the mentees still «в паре» after their pairs ended, with what the update does to each
 * (the rule of lib/completion/actions.ts); the curator ticks those who stay in the bank waiting for a mentor.
 */
export function UpdateBanksForm({ org, programId, mentees, canManage }: { org: string; programId: string; mentees: StaleMentee[]; canManage: boolean }) {
  const t = useTranslations("completion");
  const [done, setDone] = useState<{ left: number; waiting: number } | null>(null);
  const { form, onSubmit, pending, result } = useActionForm<Values, { left: number; waiting: number }>(
    UpdateBanksInput,
    updateBanks as never,
    { org, programId, keepWaiting: [] },
    { onSuccess: (data) => setDone(data) },
  );
  const ticked: unknown = form.watch("keepWaiting");
  const keep = Array.isArray(ticked) ? (ticked as string[]) : typeof ticked === "string" ? [ticked] : [];
  return (
    <ClientForm onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {result && !result.ok ? <ActionErrorNotice error={result.error} /> : null}
      {done ? <Notice kind="success">{t("banksUpdated", done)}</Notice> : null}
      {mentees.length === 0 ? (
        <p>{t("banksUpToDate")}</p>
      ) : (
        <>
          <Table caption={t("banksCaption")} head={[t("banksColumns.name"), t("banksColumns.pair"), t("banksColumns.keep"), t("banksColumns.after")]}>
            {mentees.map((m) => {
              const kept = keep.includes(m.id);
              return (
                <tr key={m.id}>
                  <Td>{m.name}</Td>
                  <Td>{m.completedPair ? t("pairCompleted") : t("pairDissolved")}</Td>
                  <Td>
                    {m.completedPair && canManage ? (
                      <input type="checkbox" value={m.id} aria-label={t("keepFor", { name: m.name })} className="h-4 w-4" {...form.register("keepWaiting")} />
                    ) : (
                      "—"
                    )}
                  </Td>
                  <Td>{m.completedPair && !kept ? t("willLeave") : t("willWait")}</Td>
                </tr>
              );
            })}
          </Table>
          {canManage ? (
            <div>
              <Button type="submit" disabled={pending}>
                {t("updateBanks")}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </ClientForm>
  );
}
