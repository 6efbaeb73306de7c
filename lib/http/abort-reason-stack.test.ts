import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { releaseAbortReasonStacks } from "./abort-reason-stack";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/**
 * Creates an Error inside a setImmediate callback — as React's flight server does when a render completes —
 * hands it to `keep`, and reports whether a payload reachable only from the Immediate survives a full GC.
 */
async function payloadSurvives(keep: (error: Error) => void): Promise<boolean> {
  const ref = await new Promise<WeakRef<object>>((resolve) => {
    setImmediate(function (this: NodeJS.Immediate & { payload?: object }) {
      const payload = { rows: new Array(1000).fill("render") };
      this.payload = payload; // stands for the request stores an Immediate carries
      keep(new Error("This render completed successfully."));
      resolve(new WeakRef(payload));
    });
  });
  await new Promise((r) => setImmediate(r));
  gc();
  await new Promise((r) => setTimeout(r, 0));
  gc();
  return ref.deref() !== undefined;
}

describe("abort reasons do not keep the Immediate they were created in", () => {
  beforeAll(() => releaseAbortReasonStacks());

  it("an Error kept with its unformatted stack keeps the Immediate (the mechanism this works around)", async () => {
    const kept: Error[] = [];
    expect(await payloadSurvives((e) => kept.push(e))).toBe(true);
    expect(kept).toHaveLength(1);
  });

  it("an Error given to AbortController.abort() no longer does, and its stack text is unchanged", async () => {
    const controller = new AbortController();
    expect(await payloadSurvives((e) => controller.abort(e))).toBe(false);
    expect(controller.signal.aborted).toBe(true);
    expect((controller.signal.reason as Error).message).toBe("This render completed successfully.");
    expect((controller.signal.reason as Error).stack).toContain("This render completed successfully.");
  });

  it("abort without a reason, or with a non-Error reason, behaves as before; installing twice is harmless", () => {
    releaseAbortReasonStacks();
    const a = new AbortController();
    a.abort();
    expect((a.signal.reason as Error).name).toBe("AbortError");
    const b = new AbortController();
    b.abort("stop");
    expect(b.signal.reason).toBe("stop");
  });
});
