import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { UnreadBadge } from "./unread-badge";

describe("UnreadBadge", () => {
  it("shows the count to the eye and the label to screen readers", () => {
    const html = renderToStaticMarkup(<UnreadBadge count={3} label=", непрочитанных: 3" />);
    expect(html).toContain('<span aria-hidden="true"');
    expect(html).toContain(">3</span>");
    expect(html).toContain('<span class="sr-only">, непрочитанных: 3</span>');
    expect(html).not.toContain("<a");
  });

  it("is absent with nothing unread, and caps large counts", () => {
    expect(renderToStaticMarkup(<UnreadBadge count={0} label="" />)).toBe("");
    expect(renderToStaticMarkup(<UnreadBadge count={250} label=", непрочитанных: 250" />)).toContain(">99+</span>");
  });
});
