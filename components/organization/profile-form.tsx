"use client";

import { useTranslations } from "next-intl";
import { russianPart } from "@/components/i18n/russian-part";
import type { ReactNode } from "react";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { useHydrated } from "@/components/ui/use-hydrated";
import { supportedTimeZones } from "@/lib/domain/local-date";
import { updateOrganizationProfile } from "@/lib/organization/actions";
import { UpdateProfileInput } from "@/lib/organization/schemas";

type Values = Omit<UpdateProfileInput, "org">;
type Option = { value: string; label: string };

function Group({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="flex flex-col gap-4 rounded-md border border-slate-200 p-4">
      <legend className="px-1 font-semibold text-slate-900">{legend}</legend>
      {children}
    </fieldset>
  );
}

/**
 * The head's form of the organization's profile. `defaultPositions` is the head's position each school kind
 * implies («Заведующий» for a kindergarten): changing the kind carries a position still at the old default along.
 */
export function ProfileForm({
  org,
  initial,
  schoolKinds,
  defaultPositions,
}: {
  org: string;
  initial: Values;
  /** Offered only for a school: its kind is the head's to correct. */
  schoolKinds: Option[] | null;
  defaultPositions: Record<string, string>;
}) {
  const t = useTranslations("profile");
  // The ≈ 420 zones of the runtime are listed by the browser once the form is live (it is disabled until
  // then, ClientForm): sent from the server they were 24 KB of options in the HTML and 9 KB of props.
  const hydrated = useHydrated();
  const all = hydrated ? supportedTimeZones() : [];
  const zones = all.includes(initial.timeZone) ? all : [initial.timeZone, ...all];
  const { form, onSubmit, pending, result, fieldError } = useActionForm<UpdateProfileInput, { changed: string[] }>(UpdateProfileInput, updateOrganizationProfile, { org, ...initial });
  const kind = form.watch("schoolKind") ?? "";
  const defaultPosition = defaultPositions[kind] ?? defaultPositions[""] ?? "";
  const kindField = form.register("schoolKind");
  const text = (name: keyof Values & string, props: { hint?: ReactNode; type?: string; autoComplete?: string; inputMode?: "numeric" | "tel" | "email" | "url" } = {}) => (
    <TextField label={t(name)} error={fieldError(name)} {...props} {...form.register(name)} />
  );

  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-5" noValidate aria-label={t("title")}>
      {result && !result.ok ? <ActionErrorNotice error={result.error} /> : null}
      {result?.ok ? <Notice kind="success">{result.data.changed.length > 0 ? t("saved") : t("unchanged")}</Notice> : null}
      <Group legend={t("requisites")}>
        {text("name", { hint: t("nameHint") })}
        {text("shortName")}
        {schoolKinds ? (
          <SelectField
            label={t("schoolKind")}
            hint={t.rich("schoolKindHint", { ru: russianPart })}
            error={fieldError("schoolKind")}
            {...kindField}
            onChange={(event) => {
              const before = defaultPositions[form.getValues("schoolKind") ?? ""];
              const position = form.getValues("headPosition");
              if (!position || position === before) form.setValue("headPosition", defaultPositions[event.target.value] ?? position);
              return kindField.onChange(event);
            }}
          >
            {schoolKinds.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </SelectField>
        ) : null}
        <div className="grid gap-4 md:grid-cols-2">
          {text("inn", { hint: t("innHint"), inputMode: "numeric" })}
          {text("ogrn", { hint: t("ogrnHint"), inputMode: "numeric" })}
        </div>
      </Group>
      <Group legend={t("contacts")}>
        {text("place", { hint: t("placeHint") })}
        {text("address", { hint: t("addressHint"), autoComplete: "street-address" })}
        <div className="grid gap-4 md:grid-cols-3">
          {text("phone", { type: "tel", inputMode: "tel" })}
          {text("email", { type: "email", inputMode: "email" })}
          {text("website", { inputMode: "url" })}
        </div>
      </Group>
      <Group legend={t("head")}>
        <div className="grid gap-4 md:grid-cols-2">
          {text("headPosition", { hint: t.rich("headPositionHint", { position: defaultPosition, ru: russianPart }) })}
          {text("headName", { hint: t("headNameHint") })}
        </div>
      </Group>
      <Group legend={t("calendar")}>
        <SelectField label={t("timeZone")} hint={t("timeZoneHint")} error={fieldError("timeZone")} {...form.register("timeZone")}>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </SelectField>
      </Group>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
      </div>
    </ClientForm>
  );
}
