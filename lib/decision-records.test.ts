import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Issue #18 item 5: a decision record is one decision with Date, Status, Context, Decision, Consequences, and the
// index lists it (CONTRIBUTING.md «Decision records»). This keeps new records in that form.
const dir = path.resolve(__dirname, "../docs/decisions");
const records = readdirSync(dir).filter((name) => /^\d{3}-[a-z0-9-]+\.md$/.test(name)).sort();
const index = readFileSync(path.join(dir, "README.md"), "utf8");

describe("decision records", () => {
  it("are numbered 001 on without a gap or a number twice", () => {
    expect(records.map((name) => Number(name.slice(0, 3)))).toEqual(records.map((_, i) => i + 1));
  });

  it.each(records)("%s: title, Date, Status, Context, Decision, Consequences; listed in the index", (name) => {
    const text = readFileSync(path.join(dir, name), "utf8");
    expect(text).toMatch(new RegExp(`^# ${name.slice(0, 3)} — \\S`));
    expect(text).toMatch(/^- Date: \d{4}-\d{2}-\d{2}$/m);
    expect(text).toMatch(/^- Status: (proposed|accepted|superseded|deprecated)/m);
    const headings = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings.filter((h) => ["Context", "Decision", "Consequences"].includes(h!))).toEqual(["Context", "Decision", "Consequences"]);
    expect(index).toContain(`](${name})`);
  });
});
