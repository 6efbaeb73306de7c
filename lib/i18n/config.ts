import en from "./messages/en.json";
import enBanks from "./messages/en.banks.json";
import enImport from "./messages/en.import.json";
import enSurveys from "./messages/en.surveys.json";
import enPairs from "./messages/en.pairs.json";
import enReminders from "./messages/en.reminders.json";
import enPublic from "./messages/en.public.json";
import enCompletion from "./messages/en.completion.json";
import enMonitoring from "./messages/en.monitoring.json";
import enWork from "./messages/en.work.json";
import enOperator from "./messages/en.operator.json";
import enRegistry from "./messages/en.registry.json";
import enProfile from "./messages/en.profile.json";
import enSso from "./messages/en.sso.json";
import enAccounts from "./messages/en.accounts.json";
import enStage1 from "./messages/en.stage1.json";
import enHome from "./messages/en.home.json";
import enDistrict from "./messages/en.district.json";
import enTasks from "./messages/en.tasks.json";
import enPartners from "./messages/en.partners.json";
import enCrossPairs from "./messages/en.crossPairs.json";
import enCommunities from "./messages/en.communities.json";
import enOffice from "./messages/en.office.json";
import enCrossPrograms from "./messages/en.crossPrograms.json";
import enVocabulary from "./messages/en.vocabulary.json";
import enLetters from "./messages/en.letters.json";
import enIncentives from "./messages/en.incentives.json";
import ru from "./messages/ru.json";
import ruBanks from "./messages/ru.banks.json";
import ruImport from "./messages/ru.import.json";
import ruSurveys from "./messages/ru.surveys.json";
import ruPairs from "./messages/ru.pairs.json";
import ruReminders from "./messages/ru.reminders.json";
import ruPublic from "./messages/ru.public.json";
import ruCompletion from "./messages/ru.completion.json";
import ruMonitoring from "./messages/ru.monitoring.json";
import ruWork from "./messages/ru.work.json";
import ruOperator from "./messages/ru.operator.json";
import ruRegistry from "./messages/ru.registry.json";
import ruProfile from "./messages/ru.profile.json";
import ruSso from "./messages/ru.sso.json";
import ruAccounts from "./messages/ru.accounts.json";
import ruStage1 from "./messages/ru.stage1.json";
import ruHome from "./messages/ru.home.json";
import ruDistrict from "./messages/ru.district.json";
import ruTasks from "./messages/ru.tasks.json";
import ruPartners from "./messages/ru.partners.json";
import ruCrossPairs from "./messages/ru.crossPairs.json";
import ruCommunities from "./messages/ru.communities.json";
import ruOffice from "./messages/ru.office.json";
import ruCrossPrograms from "./messages/ru.crossPrograms.json";
import ruVocabulary from "./messages/ru.vocabulary.json";
import ruLetters from "./messages/ru.letters.json";
import ruIncentives from "./messages/ru.incentives.json";

export const LOCALES = ["ru", "en"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "ru";
export const LOCALE_COOKIE = "NEXT_LOCALE";

type Namespaces = Record<string, Record<string, unknown>>;

// Each area keeps its texts in a file of its own (messages/<locale>.<area>.json); namespaces that
// several areas share (errors) are merged one level deep.
function merge<T extends Namespaces>(...parts: Namespaces[]): T {
  const out: Namespaces = {};
  for (const part of parts) for (const [ns, value] of Object.entries(part)) out[ns] = { ...out[ns], ...value };
  return out as T;
}

type AllMessages = typeof ru & typeof ruBanks & typeof ruImport & typeof ruSurveys & typeof ruWork & typeof ruPairs & typeof ruMonitoring & typeof ruCompletion & typeof ruPublic & typeof ruReminders & typeof ruSso & typeof ruRegistry & typeof ruOperator & typeof ruProfile & typeof ruAccounts & typeof ruStage1 & typeof ruHome & typeof ruDistrict & typeof ruTasks & typeof ruPartners & typeof ruCrossPairs & typeof ruCommunities & typeof ruOffice & typeof ruCrossPrograms & typeof ruVocabulary & typeof ruLetters & typeof ruIncentives;
export const MESSAGES = {
  ru: merge<AllMessages>(ru, ruBanks, ruImport, ruSurveys, ruWork, ruPairs, ruMonitoring, ruCompletion, ruPublic, ruReminders, ruSso, ruRegistry, ruOperator, ruProfile, ruAccounts, ruStage1, ruHome, ruDistrict, ruTasks, ruPartners, ruCrossPairs, ruCommunities, ruOffice, ruCrossPrograms, ruVocabulary, ruLetters, ruIncentives),
  en: merge<AllMessages>(en, enBanks, enImport, enSurveys, enWork, enPairs, enMonitoring, enCompletion, enPublic, enReminders, enSso, enRegistry, enOperator, enProfile, enAccounts, enStage1, enHome, enDistrict, enTasks, enPartners, enCrossPairs, enCommunities, enOffice, enCrossPrograms, enVocabulary, enLetters, enIncentives),
} as const;
export type Messages = AllMessages;

export function toLocale(value: string | null | undefined): AppLocale {
  return (LOCALES as readonly string[]).includes(value ?? "") ? (value as AppLocale) : DEFAULT_LOCALE;
}
