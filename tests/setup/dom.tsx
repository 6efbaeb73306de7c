import { NextIntlClientProvider } from "next-intl";
import { act, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach } from "vitest";
import { MESSAGES } from "../../lib/i18n/config";

// A client component's test (under `// @vitest-environment happy-dom`) mounts it into a fresh container for each
// test and unmounts it after; `render` gives it the Russian messages as the app's layout does.

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export type Mounted = {
  /** The element the component renders into (a new one for each test). */
  readonly container: HTMLDivElement;
  /** React's root over the container, for a test that renders without the messages. */
  readonly root: Root;
  /** Renders the node inside the Russian messages' provider and waits for React to settle. */
  render(node: ReactNode): Promise<void>;
  /** Submits the container's form and waits for react-hook-form's validation and the action's transition. */
  submit(): Promise<void>;
};

/** Registers the mounting around each test of the file; call once at the top level. */
export function mountEach(): Mounted {
  let container: HTMLDivElement;
  let root: Root;
  beforeEach(() => {
    container = document.createElement("div");
    document.body.appendChild(container);
    root = createRoot(container);
  });
  afterEach(() => {
    act(() => root.unmount());
    container.remove();
  });
  return {
    get container() {
      return container;
    },
    get root() {
      return root;
    },
    async render(node) {
      await act(async () => {
        root.render(
          <NextIntlClientProvider locale="ru" messages={MESSAGES.ru} timeZone="Europe/Moscow">
            {node}
          </NextIntlClientProvider>,
        );
      });
    },
    async submit() {
      await act(async () => {
        container.querySelector("form")!.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
      });
      // react-hook-form validates asynchronously, then the transition runs the action.
      await act(async () => {
        await new Promise((r) => setTimeout(r, 20));
      });
    },
  };
}
