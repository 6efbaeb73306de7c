// @vitest-environment happy-dom
import { act } from "react";
import { describe, expect, it } from "vitest";
import { mountEach } from "../../tests/setup/dom";
import { SchoolBarChart, SchoolIndicatorChart, SchoolRoadmapChart } from "./school-charts";

// The frames wait for the page's load event and for the box to come near the viewport: here every
// observed box is in view at once.
class InView {
  constructor(private readonly callback: (entries: { isIntersecting: boolean }[]) => void) {}
  observe() {
    this.callback([{ isIntersecting: true }]);
  }
  disconnect() {}
}
(globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = InView;

// happy-dom lays nothing out: give every element a size, so that the charts draw.
const size = { width: 640, height: 300 };
Object.defineProperty(HTMLElement.prototype, "clientWidth", { configurable: true, get: () => size.width });
Object.defineProperty(HTMLElement.prototype, "clientHeight", { configurable: true, get: () => size.height });
HTMLElement.prototype.getBoundingClientRect = () => ({ ...size, x: 0, y: 0, top: 0, left: 0, right: size.width, bottom: size.height, toJSON: () => size }) as DOMRect;

const screen = mountEach();

describe("the dashboard charts", () => {
  it("render hidden from assistive technology, named by their caption, with nothing focusable", async () => {
    await act(async () => {
      screen.root.render(
        <>
          <SchoolBarChart label="Диаграмма: пары" series="Количество" data={[{ label: "Учитель – учитель", value: 3 }]} />
          <SchoolRoadmapChart label="Диаграмма: дорожная карта" data={[{ stage: "1", done: 2, open: 1, overdue: 1 }]} names={{ done: "Выполнено", open: "Не выполнено", overdue: "Просрочено" }} />
          <SchoolIndicatorChart label="Диаграмма: показатели" data={[{ label: "1. Доля", target: 30, actual: null }]} names={{ target: "План", actual: "Факт" }} />
        </>,
      );
    });
    // Recharts arrives as a chunk of its own (next/dynamic) once the frames are in view.
    const drawn = () => screen.container.querySelectorAll(".recharts-wrapper > svg").length;
    for (let i = 0; i < 200 && drawn() < 3; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(drawn()).toBe(3);
    const figures = [...screen.container.querySelectorAll("figure")];
    expect(figures.map((f) => f.querySelector("figcaption")?.textContent)).toEqual(["Диаграмма: пары", "Диаграмма: дорожная карта", "Диаграмма: показатели"]);
    for (const f of figures) expect(f.querySelector("div")?.getAttribute("aria-hidden")).toBe("true");
    for (const f of figures) expect(f.querySelector("div")?.getAttribute("data-chart")).toBe("shown");
    expect(screen.container.querySelectorAll(".recharts-bar-rectangle").length).toBeGreaterThan(0);
    expect(screen.container.querySelectorAll("[tabindex]:not([tabindex='-1'])").length).toBe(0);
  });
});
