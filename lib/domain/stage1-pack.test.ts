import { describe, expect, it } from "vitest";
import { basisPreamble, BASIS_R145, BASIS_TEACHERS_2021, genitivePosition, legalBasis, organizationWords } from "./organization-words";
import { DEFAULT_REGULATION, fillTemplate, isHeading, PLACEHOLDERS, unknownPlaceholders } from "./regulation-template";
import { coveredActKinds, missingForPack, missingLines } from "./stage1-pack";
import { unmetExitConditions, type ProgramFacts } from "./stages";
import { translator } from "../i18n/translator";

describe("the introduction order covers the stage-1 acts", () => {
  it("counts the Положение, the roadmap and the curator's appointment as approved with it", () => {
    expect(coveredActKinds(["MODEL_INTRODUCTION"]).sort()).toEqual(["CURATOR_APPOINTMENT", "MODEL_INTRODUCTION", "REGULATION", "ROADMAP_APPROVAL"]);
    expect(coveredActKinds(["REGULATION"])).toEqual(["REGULATION"]);
  });

  it("passes the stage-1 gate with the introduction order alone (and the curator in the passport)", () => {
    const facts: ProgramFacts = { stage: 1, curatorAssigned: true, approvedActKinds: ["MODEL_INTRODUCTION"], stageActivities: [], banks: null, pairs: null, completion: null };
    expect(unmetExitConditions(facts)).toEqual([]);
    expect(unmetExitConditions({ ...facts, approvedActKinds: ["CURATOR_APPOINTMENT"] }).map((c) => c.code)).toEqual(["regulation", "roadmap-approval"]);
  });
});

describe("the legal basis fits the program", () => {
  it("teachers: the 2021 recommendations (АЗ-1128/08), not Р-145; students: Р-145; both: both", () => {
    expect(legalBasis("TEACHERS")).toContain(BASIS_TEACHERS_2021);
    expect(legalBasis("TEACHERS").join()).not.toContain("Р-145");
    expect(BASIS_TEACHERS_2021).toContain("от 21.12.2021 № АЗ-1128/08");
    expect(BASIS_TEACHERS_2021).toContain("Профсоюзом образования");
    expect(legalBasis("STUDENTS")).toContain(BASIS_R145);
    expect(legalBasis("STUDENTS").join()).not.toContain("АЗ-1128/08");
    expect(legalBasis("BOTH")).toEqual(expect.arrayContaining([BASIS_R145, BASIS_TEACHERS_2021]));
  });

  it("words the preamble in the instrumental case", () => {
    const text = basisPreamble("TEACHERS", "в целях внедрения");
    expect(text).toMatch(/^В соответствии с Федеральным законом от 29\.12\.2012 № 273-ФЗ .*, методическими рекомендациями по разработке .*АЗ-1128\/08\), в целях внедрения$/);
    expect(basisPreamble("STUDENTS", "x")).toContain("распоряжением Министерства просвещения Российской Федерации от 25.12.2019 № Р-145");
  });
});

describe("the organization's words", () => {
  it("a kindergarten: preschool forms, воспитанники; a college: преподаватели and студенты; a school: учитель", () => {
    const ds = organizationWords("KINDERGARTEN", "TEACHERS");
    expect(ds.forms).toEqual(expect.arrayContaining(["«воспитатель – воспитатель»", "«педагог – воспитатель»"]));
    expect(ds.forms.join()).not.toContain("учитель");
    expect(ds.learnersGenitive).toBe("воспитанников");
    expect(organizationWords("KINDERGARTEN", "STUDENTS").forms).toContain("«воспитатель – воспитатель»");
    const college = organizationWords("COLLEGE", "BOTH");
    expect(college.forms).toEqual(expect.arrayContaining(["«преподаватель – преподаватель»", "«работодатель – студент»"]));
    expect(college.learnersGenitive).toBe("студентов");
    expect(organizationWords("GENERAL", "TEACHERS").forms).toContain("«учитель – учитель»");
  });

  it("puts the head's position into the genitive: «приказом заведующего», «директора», «заведующей»", () => {
    expect(genitivePosition("Заведующий")).toBe("заведующего");
    expect(genitivePosition("Заведующая")).toBe("заведующей");
    expect(genitivePosition("Директор")).toBe("директора");
    expect(genitivePosition("Исполняющий обязанности директора")).toBe("исполняющего обязанности директора");
    expect(genitivePosition("")).toBe("руководителя");
  });
});

describe("the Положение template", () => {
  it("fills its placeholders, or names each empty field once with where to fill it", () => {
    const values = { shortName: "МБДОУ «Детский сад № 3»", headName: "С.В. Гончарова" };
    expect(fillTemplate("{краткое наименование}: {Руководитель}", values)).toEqual({ ok: true, text: "МБДОУ «Детский сад № 3»: С.В. Гончарова" });
    expect(fillTemplate("{руководитель} {адрес} {адрес} {куратор}", { headName: "С.В. Гончарова", address: "  " })).toEqual({
      ok: false,
      missing: [
        { field: "address", where: "profile" },
        { field: "curator", where: "passport" },
      ],
    });
  });

  it("finds typos among the placeholders; the default template uses only known ones", () => {
    expect(unknownPlaceholders("{краткое наименование} {руководител} {куратор}")).toEqual(["руководител"]);
    expect(unknownPlaceholders(DEFAULT_REGULATION)).toEqual([]);
    for (const name of ["краткое наименование", "основание", "формы наставничества", "куратор", "руководитель"]) expect(DEFAULT_REGULATION).toContain(`{${name}}`);
    expect(Object.keys(PLACEHOLDERS)).toContain("полное наименование");
  });

  it("tells section headings from numbered paragraphs", () => {
    expect(isHeading("1. Общие положения")).toBe(true);
    expect(isHeading("1.1. Настоящее Положение определяет цели.")).toBe(false);
    expect(isHeading("3. Контроль за исполнением настоящего приказа оставляю за собой.")).toBe(false);
  });
});

describe("what the pack cannot be printed without", () => {
  it("the head's name and the place (profile), the curator (passport)", () => {
    const missing = missingForPack({ name: "МБДОУ", headName: null, place: " " }, { curatorName: null });
    expect(missing.map((m) => m.field)).toEqual(["headName", "place", "curator"]);
    const say = (locale: "ru" | "en") => (key: string) => translator(locale)(`stage1.${key}` as never);
    expect(missingLines(missing, say("ru"))).toEqual(["ФИО руководителя — профиль организации", "Населённый пункт — профиль организации", "Куратор программы — паспорт программы"]);
    expect(missingLines(missing, say("en"))).toEqual(["Head's full name — organization profile", "Settlement — organization profile", "Program curator — program passport"]);
    expect(missingForPack({ name: "МБДОУ", headName: "Гончарова Светлана Викторовна", place: "с. Левокумское" }, { curatorName: "Ткаченко Наталья Сергеевна" })).toEqual([]);
  });
});

describe("a kindergarten's program is its educators'", () => {
  it("cites the teachers' basis even when the passport names pupils too", async () => {
    const { effectiveAudience } = await import("./organization-words");
    expect(effectiveAudience("KINDERGARTEN", "BOTH")).toBe("TEACHERS");
    expect(effectiveAudience("KINDERGARTEN", "STUDENTS")).toBe("TEACHERS");
    expect(effectiveAudience("GENERAL", "BOTH")).toBe("BOTH");
    expect(effectiveAudience("COLLEGE", "STUDENTS")).toBe("STUDENTS");
  });
});
