"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { CONTROL, SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { ActionError } from "@/lib/actions/result";
import { MENTORING_FORMS, MENTORING_TYPES, type MentoringForm, type MentoringType } from "@/lib/domain/pairs";
import { matchPairs, proposePairs, type MatchResult, type ProposalRow } from "@/lib/pairs/actions";
import { difficultyKey, sayExcluded, sayMatch, type MatchWords } from "@/lib/pairs/match-text";
import { CRITERION_KEYS, RULE_CHOICES } from "@/lib/pairs/schemas";
import { useHydrated } from "@/components/ui/use-hydrated";

type Weights = Record<(typeof CRITERION_KEYS)[number], number>;
type Row = ProposalRow & { include: boolean; direction: string };

/** The matching's sentences in the reader's words: only `pairs.matching` and `vocabulary.difficulty` travel (decision 014). */
function useMatchWords(): MatchWords {
  const t = useTranslations("pairs");
  const tv = useTranslations("vocabulary");
  return {
    say: (key, values) => t(`matching.${key}`, values),
    difficulty: (tag) => (tv.has(`difficulty.${difficultyKey(tag)}`) ? tv(`difficulty.${difficultyKey(tag)}`) : tag.trim()),
  };
}

/** Criteria of one pair, each with its contribution to the score (the curator sees why). */
function Why({ criteria }: { criteria: ProposalRow["criteria"] }) {
  const t = useTranslations("pairs");
  const words = useMatchWords();
  return (
    <details>
      <summary className="cursor-pointer text-brand-700 underline">{t("why")}</summary>
      <ul className="mt-1 flex flex-col gap-1 text-xs">
        {criteria.map((c) => (
          <li key={c.key}>
            <span className="font-medium">{t(`criteria.${c.key}`)}</span>: +{c.contribution.toFixed(1)} ({sayMatch(words, c.note)})
          </li>
        ))}
      </ul>
    </details>
  );
}

export function MatchingPanel({
  org,
  programId,
  defaults,
  mentees,
  mentors,
}: {
  org: string;
  programId: string;
  defaults: { weights: Weights; rules: string[]; objective: "score" | "participation" };
  mentees: { id: string; name: string }[];
  mentors: { id: string; name: string }[];
}) {
  const t = useTranslations("pairs");
  const tv = useTranslations("vocabulary");
  const words = useMatchWords();
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  const [weights, setWeights] = useState<Weights>(defaults.weights);
  const [rules, setRules] = useState<string[]>(defaults.rules);
  const [objective, setObjective] = useState(defaults.objective);
  const [menteeId, setMenteeId] = useState("");
  const [pool, setPool] = useState<"school" | "district">("school");
  const [result, setResult] = useState<MatchResult | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [error, setError] = useState<ActionError | null>(null);
  const [proposed, setProposed] = useState(false);

  const run = () =>
    startTransition(async () => {
      setProposed(false);
      const res = await matchPairs({ org, programId, menteeId, objective, pool, weights, rules: rules as never });
      if (!res.ok) {
        setError(res.error);
        setResult(null);
        return;
      }
      setError(null);
      setResult(res.data);
      // A mentor of another school cannot be secured by this school's order: shown, not proposed.
      setRows(res.data.proposal.map((p) => ({ ...p, include: !p.mentorSchool, direction: "" })));
    });

  const included = rows.filter((r) => r.include);
  const propose = () =>
    startTransition(async () => {
      const res = await proposePairs({
        org,
        programId,
        pairs: included.map((r) => ({ mentorId: r.mentorId, menteeIds: r.menteeIds, form: r.form as MentoringForm, type: r.type as MentoringType, direction: r.direction, score: r.score, criteria: r.criteria })),
      });
      if (!res.ok) {
        setError(res.error);
        return;
      }
      setError(null);
      setProposed(true);
      setRows([]);
      setResult(null);
    });
  const update = (i: number, patch: Partial<Row>) => setRows((all) => all.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-700">{t("matchIntro")}</p>
      <fieldset className="grid gap-3 md:grid-cols-3" disabled={!hydrated}>
        <legend className="mb-1 text-sm font-medium">{t("weightsLegend")}</legend>
        {CRITERION_KEYS.map((k) => (
          <TextField key={k} label={t(`criteria.${k}`)} type="number" min={0} max={10} value={weights[k]} onChange={(e) => setWeights({ ...weights, [k]: Number(e.target.value) })} />
        ))}
      </fieldset>
      <fieldset className="flex flex-col gap-1" disabled={!hydrated}>
        <legend className="mb-1 text-sm font-medium">{t("rulesLegend")}</legend>
        {RULE_CHOICES.map((r) => (
          <label key={r} className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={rules.includes(r)} onChange={(e) => setRules(e.target.checked ? [...rules, r] : rules.filter((x) => x !== r))} />
            {t(`rules.${r}`)}
          </label>
        ))}
      </fieldset>
      <div className="grid gap-3 md:grid-cols-3">
        <SelectField label={t("pool")} value={pool} disabled={!hydrated} onChange={(e) => setPool(e.target.value as "school" | "district")}>
          <option value="school">{t("pools.school")}</option>
          <option value="district">{t("pools.district")}</option>
        </SelectField>
        <SelectField label={t("objective")} value={objective} disabled={!hydrated} onChange={(e) => setObjective(e.target.value as "score" | "participation")}>
          <option value="score">{t("objectives.score")}</option>
          <option value="participation">{t("objectives.participation")}</option>
        </SelectField>
        <SelectField label={t("mode")} value={menteeId} disabled={!hydrated} onChange={(e) => setMenteeId(e.target.value)}>
          <option value="">{t("modeSchool")}</option>
          {mentees.map((m) => (
            <option key={m.id} value={m.id}>
              {t("modeOne")}: {m.name}
            </option>
          ))}
        </SelectField>
      </div>
      <div>
        <Button type="button" onClick={run} disabled={pending}>
          {pending ? t("running") : t("run")}
        </Button>
      </div>
      {error ? <ActionErrorNotice error={error} /> : null}
      {proposed ? <Notice kind="success">{t("proposed")}</Notice> : null}
      {result?.reason ? <Notice kind="info">{sayMatch(words, result.reason)}</Notice> : null}

      {result?.kind === "one" && result.suggestions.length > 0 ? (
        <table className="w-full border-collapse text-left text-sm">
          <caption className="mb-2 text-left font-medium">{t("suggestionsCaption", { name: result.menteeName ?? "" })}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="px-2 py-1">{t("mentor")}</th>
              <th scope="col" className="px-2 py-1">{t("score")}</th>
              <th scope="col" className="px-2 py-1">{t("why")}</th>
            </tr>
          </thead>
          <tbody>
            {result.suggestions.map((s) => (
              <tr key={s.mentorId} className="border-b border-slate-200 align-top">
                <td className="px-2 py-1">{s.mentorName}{s.excluded ? ` — ${sayExcluded(words, s.excluded)}` : ""}</td>
                <td className="px-2 py-1">{s.total.toFixed(1)}</td>
                <td className="px-2 py-1"><Why criteria={s.criteria} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      {rows.length > 0 ? (
        <div className="flex flex-col gap-3">
          <div className="overflow-x-auto" role="group" aria-label={t("proposalCaption")} tabIndex={0}>
            <table className="w-full border-collapse text-left text-sm">
              <caption className="mb-2 text-left font-medium">{t("proposalCaption")}</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="px-2 py-1">{t("include")}</th>
                  <th scope="col" className="px-2 py-1">{t("mentees")}</th>
                  <th scope="col" className="px-2 py-1">{t("mentor")}</th>
                  <th scope="col" className="px-2 py-1">{t("form")} / {t("type")}</th>
                  <th scope="col" className="px-2 py-1">{t("direction")}</th>
                  <th scope="col" className="px-2 py-1">{t("score")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => {
                  const name = r.menteeNames.join(", ");
                  return (
                    <tr key={`${r.menteeIds.join()}-${i}`} className="border-b border-slate-200 align-top">
                      <td className="px-2 py-1">
                        <input type="checkbox" aria-label={t("includeRow", { name })} checked={r.include} disabled={Boolean(r.mentorSchool)} onChange={(e) => update(i, { include: e.target.checked })} />
                      </td>
                      <td className="px-2 py-1">{name}</td>
                      <td className="px-2 py-1">
                        {r.mentorSchool ? (
                          <p>
                            {r.mentorName}, {r.mentorSchool}
                            <span className="block text-xs text-slate-700">{t("externalMentor")}</span>
                          </p>
                        ) : (
                        <select
                          aria-label={t("mentorFor", { name })}
                          className={CONTROL}
                          value={r.mentorId}
                          // A mentor chosen by hand: the explanation no longer applies.
                          onChange={(e) => update(i, { mentorId: e.target.value, mentorName: mentors.find((m) => m.id === e.target.value)?.name ?? "", criteria: [], score: 0 })}
                        >
                          {mentors.map((m) => (
                            <option key={m.id} value={m.id}>
                              {m.name}
                            </option>
                          ))}
                        </select>
                        )}
                      </td>
                      <td className="px-2 py-1">
                        <select aria-label={t("formFor", { name })} className={`${CONTROL} mb-1 block`} value={r.form} onChange={(e) => update(i, { form: e.target.value })}>
                          {Object.keys(MENTORING_FORMS).map((k) => (
                            <option key={k} value={k}>
                              {tv(`mentoringForm.${k}`)}
                            </option>
                          ))}
                        </select>
                        <select aria-label={t("typeFor", { name })} className={`${CONTROL} block`} value={r.type} onChange={(e) => update(i, { type: e.target.value })}>
                          {Object.keys(MENTORING_TYPES).map((k) => (
                            <option key={k} value={k}>
                              {tv(`mentoringType.${k}`)}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td className="px-2 py-1">
                        <input aria-label={`${t("direction")}: ${name}`} className={CONTROL} value={r.direction} placeholder={t("directionHint")} onChange={(e) => update(i, { direction: e.target.value })} />
                      </td>
                      <td className="px-2 py-1">
                        {r.criteria.length ? r.score.toFixed(1) : "—"}
                        {r.criteria.length ? <Why criteria={r.criteria} /> : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div>
            <Button type="button" onClick={propose} disabled={pending || included.length === 0}>
              {t("propose", { count: included.length })}
            </Button>
          </div>
        </div>
      ) : null}

      {result && result.unassigned.length + result.left.length > 0 ? (
        <section aria-labelledby="unassigned-title" className="flex flex-col gap-2">
          <h3 id="unassigned-title" className="font-medium">
            {t("unassignedTitle")}
          </h3>
          <ul className="list-disc pl-5 text-sm">
            {[...result.unassigned, ...result.left].map((u) => (
              <li key={u.menteeId}>
                {u.name}: {sayMatch(words, u.reason)}
              </li>
            ))}
          </ul>
          <p className="text-sm text-slate-700">{t("unassignedNote")}</p>
        </section>
      ) : null}
    </div>
  );
}
