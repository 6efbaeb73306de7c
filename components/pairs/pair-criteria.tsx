import { getTranslations } from "next-intl/server";
import { Section } from "@/components/ui/page-header";
import type { MatchText } from "@/lib/domain/matching";
import { difficultyKey, sayNote, type MatchWords } from "@/lib/pairs/match-text";

/** A criterion as stored with a proposed pair: its note a MatchText, or a Russian sentence for pairs proposed before. */
type StoredCriterion = { key: string; contribution: number; note: MatchText | string };

/** Why the matching proposed this pair: the score and each criterion's contribution, in the reader's words. */
export async function PairCriteriaSection({ criteria, score }: { criteria: StoredCriterion[]; score: number | null }) {
  const t = await getTranslations("pairs");
  const tv = await getTranslations("vocabulary");
  const words: MatchWords = {
    say: (key, values) => t(`matching.${key}`, values),
    difficulty: (tag) => (tv.has(`difficulty.${difficultyKey(tag)}`) ? tv(`difficulty.${difficultyKey(tag)}`) : tag.trim()),
  };
  return (
    <Section title={t("criteriaTitle")} id="criteria">
      <p className="mb-2">
        {t("score")}: {score?.toFixed(1)}
      </p>
      <ul className="flex flex-col gap-1 text-sm">
        {criteria.map((c) => (
          <li key={c.key}>
            <span className="font-medium">{t.has(`criteria.${c.key}`) ? t(`criteria.${c.key}`) : c.key}</span>: +{c.contribution.toFixed(1)} ({sayNote(words, c.note)})
          </li>
        ))}
      </ul>
    </Section>
  );
}
