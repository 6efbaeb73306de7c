// @vitest-environment happy-dom
import { act } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Question } from "@/lib/domain/questionnaires";
import { mountEach } from "../../tests/setup/dom";

const updateSurveyQuestions = vi.fn();
vi.mock("@/lib/surveys/actions", () => ({ updateSurveyQuestions: (i: unknown) => updateSurveyQuestions(i) }));
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: vi.fn(), push: vi.fn() }) }));

const { QuestionEditor } = await import("./question-editor");

const screen = mountEach();
beforeEach(() => {
  updateSurveyQuestions.mockReset();
  updateSurveyQuestions.mockResolvedValue({ ok: true, data: { questionnaireId: "q" } });
});

const ORG = "school";
const ID = "00000000-0000-4000-8000-000000000001";
const questions: Question[] = [
  { id: "category", type: "single", text: "Категория?", required: true, options: [{ value: "A", label: "А" }, { value: "B", label: "Б" }], maps: "category" },
  { id: "t", type: "text", text: "Комментарий", required: false },
];

const render = () => screen.render(<QuestionEditor org={ORG} questionnaireId={ID} title="Анкета" questions={questions} />);

const button = (text: string) => [...screen.container.querySelectorAll("button")].find((b) => b.textContent === text)!;
async function click(el: HTMLElement) {
  await act(async () => el.click());
}
function setValue(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) {
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, "value")!.set!.call(el, value);
  el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? "change" : "input", { bubbles: true }));
}
describe("QuestionEditor", () => {
  it("keeps the type of a question that feeds a bank and lets others change", async () => {
    await render();
    const cards = screen.container.querySelectorAll("ol > li > fieldset");
    expect(cards).toHaveLength(2);
    expect(cards[0]!.querySelector("select")).toBeNull();
    expect(cards[0]!.textContent).toContain("Ответ переносится в банк наставляемых: категория");
    expect(cards[1]!.querySelector("select")).not.toBeNull();
  });

  it("adds a scale question, removes one, and saves the edited list", async () => {
    await render();
    await click(button("Добавить вопрос"));
    const cards = () => screen.container.querySelectorAll("ol > li > fieldset");
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
    await click(screen.container.querySelector("button[aria-label='Удалить вопрос 2']") as HTMLElement);
    expect(cards()).toHaveLength(2);
    await screen.submit();
    expect(updateSurveyQuestions).toHaveBeenCalledTimes(1);
    const sent = updateSurveyQuestions.mock.calls[0]![0] as { org: string; questionnaireId: string; questions: Record<string, unknown>[] };
    expect(sent.org).toBe(ORG);
    expect(sent.questions.map((q) => q.id)).toEqual(["category", expect.stringMatching(/^q[a-z0-9]+$/)]);
    expect(sent.questions[1]).toMatchObject({ type: "scale", text: "Насколько вы довольны?", scale: { min: 1, max: 5, minLabel: "совсем нет", maxLabel: "очень" } });
    expect(screen.container.textContent).toContain("Вопросы сохранены.");
  });

  it("does not send a question without text, and says why at the question", async () => {
    await render();
    await click(button("Добавить вопрос"));
    await screen.submit();
    expect(updateSurveyQuestions).not.toHaveBeenCalled();
    expect(screen.container.textContent).toContain("Введите текст вопроса.");
    expect(screen.container.textContent).toContain("Введите текст варианта ответа.");
  });
});
