import { NextResponse, type NextRequest } from "next/server";
import { PUBLIC_PATHS } from "./lib/auth/config";

// Sends visitors without a session cookie to /login early. Deliberately does not decode or refresh the
// session: a proxy that re-issued the cookie on every request (as Auth.js's wrapper does) could revive a
// session right after sign-out through a request still in flight. Every page and action checks the
// session, the user and the membership on the server again.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PATHS.some((p) => p.test(pathname))) return NextResponse.next();
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const login = new URL("/login", request.url);
  if (pathname !== "/") login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
