// @vitest-environment happy-dom
import { act } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { templateQuestions } from "@/lib/domain/questionnaire-templates";
import { mountEach } from "../../tests/setup/dom";

const answerSurvey = vi.fn();
const answerSurveyByLink = vi.fn();
vi.mock("@/lib/surveys/actions", () => ({ answerSurvey: (i: unknown) => answerSurvey(i), answerSurveyByLink: (i: unknown) => answerSurveyByLink(i) }));
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: vi.fn(), push: vi.fn() }) }));

const { AnswerForm } = await import("./answer-form");

const screen = mountEach();
beforeEach(() => {
  answerSurvey.mockReset();
  answerSurveyByLink.mockReset();
});

const questions = templateQuestions("MENTOR_PROFILE");

describe("AnswerForm", () => {
  it("renders a fieldset with a legend per question and labelled controls", async () => {
    await screen.render(<AnswerForm questions={questions} initial={null} target={{ kind: "link", token: "t" }} />);
    const legends = [...screen.container.querySelectorAll("fieldset > legend")].map((l) => l.textContent);
    expect(legends).toHaveLength(questions.length);
    expect(legends[0]).toContain("В чём вы готовы помогать наставляемым?");
    expect(legends[0]).toContain("обязательный");
    const textarea = screen.container.querySelector("textarea")!;
    expect(document.getElementById(textarea.getAttribute("aria-labelledby")!)?.textContent).toContain("Ваши профессиональные достижения");
    expect(screen.container.querySelectorAll('input[type="radio"]')).toHaveLength(5 + 2);
  });

  it("shows Russian errors tied to their questions and does not send", async () => {
    await screen.render(<AnswerForm questions={questions} initial={null} target={{ kind: "link", token: "t" }} />);
    await screen.submit();
    expect(answerSurveyByLink).not.toHaveBeenCalled();
    // The first question's fieldset (the form's own fieldset, disabled until hydrated, has no legend).
    const first = screen.container.querySelector("fieldset > legend")!.parentElement!;
    expect(first.getAttribute("aria-invalid")).toBe("true");
    const errorId = first.getAttribute("aria-describedby")!;
    expect(document.getElementById(errorId)?.textContent).toBe("Ответьте на этот вопрос.");
  });

  it("sends the answers and thanks the person once the link answered", async () => {
    answerSurveyByLink.mockResolvedValue({ ok: true, data: { answered: true } });
    await screen.render(<AnswerForm questions={questions} initial={null} target={{ kind: "link", token: "tok" }} />);
    await act(async () => {
      (screen.container.querySelector('input[value="METHODS"]') as HTMLInputElement).click();
      (screen.container.querySelector('input[type="radio"][value="3"]') as HTMLInputElement).click();
    });
    await screen.submit();
    expect(answerSurveyByLink).toHaveBeenCalledTimes(1);
    expect(answerSurveyByLink.mock.calls[0]![0]).toMatchObject({ token: "tok", answers: { competencies: ["METHODS"], capacity: "3" } });
    expect(screen.container.textContent).toContain("Спасибо! Ответы отправлены.");
  });

  it("in the app, fills in the saved answers and keeps the form after saving", async () => {
    answerSurvey.mockResolvedValue({ ok: true, data: { recipientId: "r", edited: true } });
    await screen.render(
      <AnswerForm questions={questions} initial={{ competencies: ["DIGITAL"], capacity: 2, achievements: "Автор пособия" }} target={{ kind: "app", org: "school", recipientId: "r" }} />,
    );
    expect((screen.container.querySelector('input[value="DIGITAL"]') as HTMLInputElement).checked).toBe(true);
    expect((screen.container.querySelector('input[type="radio"][value="2"]') as HTMLInputElement).checked).toBe(true);
    await screen.submit();
    expect(answerSurvey.mock.calls[0]![0]).toMatchObject({ org: "school", recipientId: "r", answers: { competencies: ["DIGITAL"], capacity: "2", achievements: "Автор пособия" } });
    expect(screen.container.textContent).toContain("Ответы сохранены.");
  });

  it("shows the server's refusal", async () => {
    answerSurveyByLink.mockResolvedValue({ ok: false, error: { code: "CONFLICT", message: "Ссылка уже использована: ответы по ней уже отправлены." } });
    await screen.render(<AnswerForm questions={questions} initial={{ competencies: ["DIGITAL"], capacity: 2 }} target={{ kind: "link", token: "tok" }} />);
    await screen.submit();
    expect(screen.container.querySelector('[role="alert"]')?.textContent).toContain("Ссылка уже использована");
  });
});
