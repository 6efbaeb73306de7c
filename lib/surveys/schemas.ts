import { z } from "zod";
import { MAX_OPTIONS, MAX_QUESTIONS, OPTION_LABEL_MAX, QUESTION_ID_PATTERN, QUESTION_MAPS, QUESTION_TEXT_MAX, QUESTION_TYPES, QUESTIONNAIRE_KINDS } from "../domain/questionnaires";
import { OrgSlug, Id, OptionalId, OptionalDate, OptionalText, Text, asList } from "../schemas/fields";

// Shared by the forms (zodResolver) and the server actions; messages are keys under "errors".
// The finer checks of questions and answers (Russian, per question) live in lib/domain/questionnaires.

export const AUDIENCES = ["TEACHERS", "STUDENTS", "BOTH"] as const;

export const CreateSurveyInput = z
  .object({
    org: OrgSlug,
    kind: z.enum(QUESTIONNAIRE_KINDS, { error: "required" }),
    title: OptionalText(300),
    programId: OptionalId,
    closesOn: OptionalDate,
    audience: z.union([z.enum(AUDIENCES), z.literal("")]).optional().transform((v) => (v ? v : null)),
    /** For ASSESSMENT_AFTER: the «до» questionnaire it repeats and is compared with. */
    comparedWithId: OptionalId,
  })
  .refine((v) => v.kind !== "ASSESSMENT_AFTER" || v.comparedWithId, { error: "surveyBeforeRequired", path: ["comparedWithId"] });
export type CreateSurveyInput = z.input<typeof CreateSurveyInput>;

const Flag = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

const OptionInput = z.object({
  value: z.string().trim().min(1, { error: "required" }).max(80, { error: "tooLong" }),
  label: z.string().trim().min(1, { error: "optionLabelRequired" }).max(OPTION_LABEL_MAX, { error: "tooLong" }),
});

const ScaleInput = z
  .object({
    min: z.coerce.number({ error: "scaleRange" }).int({ error: "scaleRange" }).min(0, { error: "scaleRange" }).max(1, { error: "scaleRange" }),
    max: z.coerce.number({ error: "scaleRange" }).int({ error: "scaleRange" }).min(2, { error: "scaleRange" }).max(10, { error: "scaleRange" }),
    minLabel: Text(100).optional().default(""),
    maxLabel: Text(100).optional().default(""),
  });

/** A question as edited: parts that do not belong to its type (options of a scale…) are dropped first. */
export const QuestionInput = z.preprocess(
  (raw) => {
    if (!raw || typeof raw !== "object") return raw;
    const q = { ...(raw as Record<string, unknown>) };
    if (q.type !== "single" && q.type !== "multiple") delete q.options;
    if (q.type !== "scale") delete q.scale;
    if (q.maps === "" || q.maps === null) delete q.maps;
    return q;
  },
  z.object({
    id: z.string().regex(QUESTION_ID_PATTERN, { error: "validation" }),
    type: z.enum(QUESTION_TYPES, { error: "required" }),
    text: z.string().trim().min(1, { error: "questionTextRequired" }).max(QUESTION_TEXT_MAX, { error: "tooLong" }),
    required: Flag,
    options: z.array(OptionInput).max(MAX_OPTIONS, { error: "tooManyOptions" }).optional(),
    scale: ScaleInput.optional(),
    maps: z.enum(QUESTION_MAPS).optional(),
  }),
);

export const UpdateQuestionsInput = z.object({
  org: OrgSlug,
  questionnaireId: Id,
  title: z.string().trim().min(3, { error: "required" }).max(300, { error: "tooLong" }),
  questions: z.array(QuestionInput, { error: "questionsRequired" }).min(1, { error: "questionsRequired" }).max(MAX_QUESTIONS, { error: "tooManyQuestions" }),
});
export type UpdateQuestionsInput = z.input<typeof UpdateQuestionsInput>;

// Checkbox groups: none ticked sends nothing, one ticked sends a string.
const IdList = z.preprocess(
  asList,
  z.array(Id).min(1, { error: "recipientsRequired" }).max(1000, { error: "validation" }),
);

export const AddRecipientsInput = z.object({ org: OrgSlug, questionnaireId: Id, personIds: IdList });
export type AddRecipientsInput = z.input<typeof AddRecipientsInput>;

export const SurveyRefInput = z.object({ org: OrgSlug, questionnaireId: Id });
export type SurveyRefInput = z.input<typeof SurveyRefInput>;

export const RecipientRefInput = z.object({ org: OrgSlug, recipientId: Id });
export type RecipientRefInput = z.input<typeof RecipientRefInput>;

const AnswerValueInput = z.union([
  z.string().max(20_000, { error: "tooLong" }),
  z.array(z.string().max(200, { error: "tooLong" })).max(MAX_OPTIONS),
  z.number(),
  // An unticked lone checkbox (react-hook-form) means "no answer".
  z.literal(false),
  z.null(),
]);
const AnswersRecord = z.record(z.string().max(40), AnswerValueInput);

/** A plain form post sends each answer as its own field, `answers.<questionId>`: gather them. */
function gatherAnswers(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || "answers" in raw) return raw;
  const out: Record<string, unknown> = {};
  const answers: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key.startsWith("answers.")) answers[key.slice("answers.".length)] = value;
    else out[key] = value;
  }
  return { ...out, answers };
}

export const AnswerInput = z.preprocess(gatherAnswers, z.object({ org: OrgSlug, recipientId: Id, answers: AnswersRecord }));
export type AnswerInput = { org: string; recipientId: string; answers: Record<string, unknown> };

export const AnswerByLinkInput = z.preprocess(gatherAnswers, z.object({ token: z.string().min(1, { error: "notFound" }).max(100), answers: AnswersRecord }));
export type AnswerByLinkInput = { token: string; answers: Record<string, unknown> };
