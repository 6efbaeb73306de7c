// @vitest-environment happy-dom
import { NextIntlClientProvider } from "next-intl";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MESSAGES } from "@/lib/i18n/config";
import type { Question } from "@/lib/domain/questionnaires";

const updateSurveyQuestions = vi.fn();
vi.mock("@/lib/surveys/actions", () => ({ updateSurveyQuestions: (i: unknown) => updateSurveyQuestions(i) }));
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: vi.fn(), push: vi.fn() }) }));

const { QuestionEditor } = await import("./question-editor");

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;
beforeEach(() => {
  container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  updateSurveyQuestions.mockReset();
  updateSurveyQuestions.mockResolvedValue({ ok: true, data: { questionnaireId: "q" } });
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

const ORG = "school";
const ID = "00000000-0000-4000-8000-000000000001";
const questions: Question[] = [
  { id: "category", type: "single", text: "Категория?", required: true, options: [{ value: "A", label: "А" }, { value: "B", label: "Б" }], maps: "category" },
  { id: "t", type: "text", text: "Комментарий", required: false },
];

async function render() {
  await act(async () => {
    root.render(
      <NextIntlClientProvider locale="ru" messages={MESSAGES.ru} timeZone="Europe/Moscow">
        <QuestionEditor org={ORG} questionnaireId={ID} title="Анкета" questions={questions} />
      </NextIntlClientProvider>,
    );
  });
}

const button = (text: string) => [...container.querySelectorAll("button")].find((b) => b.textContent === text)!;
async function click(el: HTMLElement) {
  await act(async () => el.click());
}
function setValue(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) {
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, "value")!.set!.call(el, value);
  el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? "change" : "input", { bubbles: true }));
}
async function submit() {
  await act(async () => {
    container.querySelector("form")!.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
  });
  await act(async () => {
    await new Promise((r) => setTimeout(r, 20));
  });
}

describe("QuestionEditor", () => {
  it("keeps the type of a question that feeds a bank and lets others change", async () => {
    await render();
    const cards = container.querySelectorAll("ol > li > fieldset");
    expect(cards).toHaveLength(2);
    expect(cards[0]!.querySelector("select")).toBeNull();
    expect(cards[0]!.textContent).toContain("Ответ переносится в банк наставляемых: категория");
    expect(cards[1]!.querySelector("select")).not.toBeNull();
  });

  it("adds a scale question, removes one, and saves the edited list", async () => {
    await render();
    await click(button("Добавить вопрос"));
    const cards = () => container.querySelectorAll("ol > li > fieldset");
    expect(cards()).toHaveLength(3);
    const added = cards()[2]!;
    await act(async () => {
      setValue(added.querySelector("textarea")!, "Насколько вы довольны?");
      setValue(added.querySelector("select")!, "scale");
    });
    expect(cards()[2]!.querySelector("fieldset")).toBeNull(); // no options any more
    await act(async () => {
      const labels = [...cards()[2]!.querySelectorAll("input[type=text], input:not([type])")] as HTMLInputElement[];
      setValue(labels[0]!, "совсем нет");
      setValue(labels[1]!, "очень");
    });
    await click(container.querySelector("button[aria-label='Удалить вопрос 2']") as HTMLElement);
    expect(cards()).toHaveLength(2);
    await submit();
    expect(updateSurveyQuestions).toHaveBeenCalledTimes(1);
    const sent = updateSurveyQuestions.mock.calls[0]![0] as { org: string; questionnaireId: string; questions: Record<string, unknown>[] };
    expect(sent.org).toBe(ORG);
    expect(sent.questions.map((q) => q.id)).toEqual(["category", expect.stringMatching(/^q[a-z0-9]+$/)]);
    expect(sent.questions[1]).toMatchObject({ type: "scale", text: "Насколько вы довольны?", scale: { min: 1, max: 5, minLabel: "совсем нет", maxLabel: "очень" } });
    expect(container.textContent).toContain("Вопросы сохранены.");
  });

  it("does not send a question without text, and says why at the question", async () => {
    await render();
    await click(button("Добавить вопрос"));
    await submit();
    expect(updateSurveyQuestions).not.toHaveBeenCalled();
    expect(container.textContent).toContain("Введите текст вопроса.");
    expect(container.textContent).toContain("Введите текст варианта ответа.");
  });
});
