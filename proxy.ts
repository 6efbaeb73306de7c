import NextAuth from "next-auth";
import { authConfig } from "./lib/auth/config";

// Redirects signed-out visitors to /login early. Not a security boundary: every page and action
// checks the session and the membership on the server again.
const { auth } = NextAuth(authConfig);

export { auth as proxy };

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
