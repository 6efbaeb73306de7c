/**
 * Every page render ends with React's flight server aborting its cache signal with
 * `new Error("This render completed successfully…")`, created inside a setImmediate callback
 * (react-server-dom, flushCompletedChunks). Until something reads `error.stack`, V8 keeps the raw stack
 * frames, and a frame keeps its receiver: the Immediate that ran the callback. An Immediate keeps the
 * AsyncLocalStorage stores of the request that scheduled it, and Node leaves executed Immediates linked
 * to the others of the same turn of the event loop (`_idleNext`/`_idlePrev`) — so one render's abort
 * reason kept other renders (requests, responses, React trees) alive, whose own abort reasons kept the
 * next ones: a chain across requests, rooted in anything long-lived that holds one store (a pooled
 * connection's socket, a module loaded during a request). Heap snapshots after 3,600 page GETs under 20
 * connections: 1,032 requests reachable after a full GC, 494 of them from the last 3,000.
 * Upstream: react/react#37288 (fix proposed in #37289: no stack for that reason).
 *
 * The fix: an Error given to AbortController.abort() has its stack formatted at once (V8 then drops the
 * frames and their receivers). The stack text stays as it was; reading it later costs nothing more.
 */
const INSTALLED = Symbol.for("nastavnik.abortReasonStack");

type Patched = { [INSTALLED]?: true };

export function releaseAbortReasonStacks(): void {
  const proto = AbortController.prototype as AbortController & Patched;
  if (proto[INSTALLED]) return;
  const abort = proto.abort;
  Object.defineProperty(proto, "abort", {
    configurable: true,
    writable: true,
    value: function abortReleasingStack(this: AbortController, reason?: unknown) {
      if (reason instanceof Error) {
        try {
          void reason.stack;
        } catch {
          // a throwing Error.prepareStackTrace: the abort still happens
        }
      }
      return abort.call(this, reason);
    },
  });
  Object.defineProperty(proto, INSTALLED, { value: true });
}
