import { hashPassword } from "../lib/auth/password";
import type { PrismaClient } from "../lib/db/generated/prisma/client";
import { DEMO_PASSWORD } from "./seed";

// The demo's platform operator (decision 018), a step of its own beside the demo district's seed: on the
// embedded database `npm start` adds it (also to a demo seeded before the operator existed).
export const DEMO_OPERATOR_EMAIL = "operator@platform.demo";

export async function seedDemoOperator(prisma: PrismaClient): Promise<{ created: boolean; line: string }> {
  const line = `  ${DEMO_OPERATOR_EMAIL.padEnd(30)} ${"оператор платформы".padEnd(18)} /operator`;
  const existing = await prisma.user.findUnique({ where: { email: DEMO_OPERATOR_EMAIL }, select: { id: true } });
  if (existing) return { created: false, line };
  await prisma.user.create({ data: { email: DEMO_OPERATOR_EMAIL, name: "Оператор платформы (демо)", passwordHash: await hashPassword(DEMO_PASSWORD), isOperator: true } });
  return { created: true, line };
}
