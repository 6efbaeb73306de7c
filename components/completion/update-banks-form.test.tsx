// @vitest-environment happy-dom
import { act } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { mountEach } from "../../tests/setup/dom";

const updateBanks = vi.fn();
const recordAward = vi.fn();
vi.mock("@/lib/completion/actions", () => ({ updateBanks: (i: unknown) => updateBanks(i), recordAward: (i: unknown) => recordAward(i) }));
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: vi.fn(), push: vi.fn() }) }));

const { UpdateBanksForm } = await import("./update-banks-form");
const { AwardForm } = await import("./award-form");

const screen = mountEach();
beforeEach(() => {
  updateBanks.mockReset();
  recordAward.mockReset();
});

const ID_A = "11111111-1111-4111-8111-111111111111";
const ID_C = "33333333-3333-4333-8333-333333333333";
const rowsText = () => [...screen.container.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent));

describe("the «Обновить банки» form", () => {
  it("says what happens to each mentee, and a ticked one stays waiting", async () => {
    updateBanks.mockResolvedValue({ ok: true, data: { left: 0, waiting: 2 } });
    await screen.render(
      <UpdateBanksForm
        org="school"
        programId="22222222-2222-4222-8222-222222222222"
        canManage
        mentees={[
          { id: ID_A, name: "Иванова Анна", completedPair: true },
          { id: ID_C, name: "Петров Павел", completedPair: false },
        ]}
      />,
    );
    expect(rowsText().map((r) => [r[0], r[1], r[3]])).toEqual([
      ["Иванова Анна", "завершена", "выбудет: наставничество завершено"],
      ["Петров Павел", "расформирована", "будет ждать наставника"],
    ]);
    const box = screen.container.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    expect(box.getAttribute("aria-label")).toBe("Оставить в банке: Иванова Анна");
    await act(async () => box.click());
    expect(rowsText()[0]![3]).toBe("будет ждать наставника");
    await act(async () => screen.container.querySelector<HTMLButtonElement>('button[type="submit"]')!.click());
    await act(async () => {});
    expect(updateBanks).toHaveBeenCalledTimes(1);
    const input = updateBanks.mock.calls[0]![0] as { keepWaiting: unknown };
    expect([input.keepWaiting].flat()).toEqual([ID_A]);
    expect(screen.container.querySelector('[role="status"]')?.textContent).toBe("Банки обновлены: выбыли — 0, ждут наставника — 2.");
  });

  it("tells when the bank is up to date", async () => {
    await screen.render(<UpdateBanksForm org="school" programId="22222222-2222-4222-8222-222222222222" canManage mentees={[]} />);
    expect(screen.container.textContent).toContain("Банк наставляемых соответствует итогам пар.");
    expect(screen.container.querySelector("button")).toBeNull();
  });
});

describe("the award form", () => {
  it("lists the participants with their role and checks the wording before sending", async () => {
    await screen.render(<AwardForm org="school" programId="22222222-2222-4222-8222-222222222222" defaultDate="2027-05-25" candidates={[{ id: ID_A, name: "Иванова Анна", mentor: true, mentee: false }]} />);
    const options = [...screen.container.querySelectorAll("select")[0]!.querySelectorAll("option")].map((o) => o.textContent);
    expect(options).toEqual(["Выберите участника", "Иванова Анна (наставник)"]);
    await act(async () => screen.container.querySelector<HTMLButtonElement>('button[type="submit"]')!.click());
    await act(async () => {});
    expect(recordAward).not.toHaveBeenCalled();
    expect(screen.container.textContent).toContain("Выберите участника.");
    expect(screen.container.textContent).toContain("Укажите формулировку поощрения.");
  });
});
