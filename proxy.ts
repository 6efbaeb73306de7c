import { NextResponse, type NextRequest } from "next/server";
import { PUBLIC_PATHS } from "./lib/auth/config";
import { refuseMalformedPath, refuseOversizedBody } from "./lib/http/request-guards";
import { apiContentSecurityPolicy, pageContentSecurityPolicy, singleSignOnFormTargets } from "./lib/http/security-headers";
import { envVariable } from "./lib/env";

// Sends visitors without a session cookie to /login early. Deliberately does not decode or refresh the
// session: a proxy that re-issued the cookie on every request (as Auth.js's wrapper does) could revive a
// session right after sign-out through a request still in flight. Every page and action checks the
// session, the user and the membership on the server again.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

// The Content-Security-Policy of every response the proxy sees (lib/http/security-headers.ts):
// pages get a fresh nonce per request, which Next reads from the request's CSP header and puts on its own
// scripts (every page renders dynamically: the root layout reads the locale cookie); API routes get a
// policy that allows nothing at all. Static files the matcher skips get their CSP from next.config.ts.
// An address with a malformed percent-encoding gets 400, a request declaring a body larger than the server
// takes 413, each with a readable text (lib/http/request-guards.ts).
// The single sign-on provider's origin may receive the «Войти через …» form's redirect (docs/decisions/021).
const FORM_TARGETS = singleSignOnFormTargets(envVariable("OIDC_ISSUER"));

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const api = pathname.startsWith("/api/");
  const nonce = api ? null : Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = nonce ? pageContentSecurityPolicy(nonce, envVariable("NODE_ENV") !== "production", FORM_TARGETS) : apiContentSecurityPolicy();

  let response: NextResponse;
  const refused = refuseMalformedPath(request) ?? refuseOversizedBody(request);
  if (refused) {
    response = new NextResponse(refused.body, { status: refused.status, headers: refused.headers });
  } else if (PUBLIC_PATHS.some((p) => p.test(pathname)) || SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const headers = new Headers(request.headers);
    headers.set("Content-Security-Policy", csp);
    if (nonce) headers.set("x-nonce", nonce);
    response = NextResponse.next({ request: { headers } });
  } else {
    const login = new URL("/login", request.url);
    if (pathname !== "/") login.searchParams.set("callbackUrl", `${pathname}${search}`);
    response = NextResponse.redirect(login);
  }
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
