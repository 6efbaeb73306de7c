// @vitest-environment happy-dom
import { NextIntlClientProvider } from "next-intl";
import { act, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { templateQuestions } from "@/lib/domain/questionnaire-templates";
import { MESSAGES } from "@/lib/i18n/config";

const answerSurvey = vi.fn();
const answerSurveyByLink = vi.fn();
vi.mock("@/lib/surveys/actions", () => ({ answerSurvey: (i: unknown) => answerSurvey(i), answerSurveyByLink: (i: unknown) => answerSurveyByLink(i) }));
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: vi.fn(), push: vi.fn() }) }));

const { AnswerForm } = await import("./answer-form");

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;
beforeEach(() => {
  container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  answerSurvey.mockReset();
  answerSurveyByLink.mockReset();
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

const questions = templateQuestions("MENTOR_PROFILE");

async function render(node: ReactNode) {
  await act(async () => {
    root.render(
      <NextIntlClientProvider locale="ru" messages={MESSAGES.ru} timeZone="Europe/Moscow">
        {node}
      </NextIntlClientProvider>,
    );
  });
}

async function submit() {
  await act(async () => {
    container.querySelector("form")!.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
  });
  // react-hook-form validates asynchronously, then the transition runs the action.
  await act(async () => {
    await new Promise((r) => setTimeout(r, 20));
  });
}

describe("AnswerForm", () => {
  it("renders a fieldset with a legend per question and labelled controls", async () => {
    await render(<AnswerForm questions={questions} initial={null} target={{ kind: "link", token: "t" }} />);
    const legends = [...container.querySelectorAll("fieldset > legend")].map((l) => l.textContent);
    expect(legends).toHaveLength(questions.length);
    expect(legends[0]).toContain("В чём вы готовы помогать наставляемым?");
    expect(legends[0]).toContain("обязательный");
    const textarea = container.querySelector("textarea")!;
    expect(document.getElementById(textarea.getAttribute("aria-labelledby")!)?.textContent).toContain("Ваши профессиональные достижения");
    expect(container.querySelectorAll('input[type="radio"]')).toHaveLength(5 + 2);
  });

  it("shows Russian errors tied to their questions and does not send", async () => {
    await render(<AnswerForm questions={questions} initial={null} target={{ kind: "link", token: "t" }} />);
    await submit();
    expect(answerSurveyByLink).not.toHaveBeenCalled();
    // The first question's fieldset (the form's own fieldset, disabled until hydrated, has no legend).
    const first = container.querySelector("fieldset > legend")!.parentElement!;
    expect(first.getAttribute("aria-invalid")).toBe("true");
    const errorId = first.getAttribute("aria-describedby")!;
    expect(document.getElementById(errorId)?.textContent).toBe("Ответьте на этот вопрос.");
  });

  it("sends the answers and thanks the person once the link answered", async () => {
    answerSurveyByLink.mockResolvedValue({ ok: true, data: { answered: true } });
    await render(<AnswerForm questions={questions} initial={null} target={{ kind: "link", token: "tok" }} />);
    await act(async () => {
      (container.querySelector('input[value="METHODS"]') as HTMLInputElement).click();
      (container.querySelector('input[type="radio"][value="3"]') as HTMLInputElement).click();
    });
    await submit();
    expect(answerSurveyByLink).toHaveBeenCalledTimes(1);
    expect(answerSurveyByLink.mock.calls[0]![0]).toMatchObject({ token: "tok", answers: { competencies: ["METHODS"], capacity: "3" } });
    expect(container.textContent).toContain("Спасибо! Ответы отправлены.");
  });

  it("in the app, fills in the saved answers and keeps the form after saving", async () => {
    answerSurvey.mockResolvedValue({ ok: true, data: { recipientId: "r", edited: true } });
    await render(
      <AnswerForm questions={questions} initial={{ competencies: ["DIGITAL"], capacity: 2, achievements: "Автор пособия" }} target={{ kind: "app", org: "school", recipientId: "r" }} />,
    );
    expect((container.querySelector('input[value="DIGITAL"]') as HTMLInputElement).checked).toBe(true);
    expect((container.querySelector('input[type="radio"][value="2"]') as HTMLInputElement).checked).toBe(true);
    await submit();
    expect(answerSurvey.mock.calls[0]![0]).toMatchObject({ org: "school", recipientId: "r", answers: { competencies: ["DIGITAL"], capacity: "2", achievements: "Автор пособия" } });
    expect(container.textContent).toContain("Ответы сохранены.");
  });

  it("shows the server's refusal", async () => {
    answerSurveyByLink.mockResolvedValue({ ok: false, error: { code: "CONFLICT", message: "Ссылка уже использована: ответы по ней уже отправлены." } });
    await render(<AnswerForm questions={questions} initial={{ competencies: ["DIGITAL"], capacity: 2 }} target={{ kind: "link", token: "tok" }} />);
    await submit();
    expect(container.querySelector('[role="alert"]')?.textContent).toContain("Ссылка уже использована");
  });
});
