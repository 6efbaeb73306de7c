import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { requireTenant } from "@/lib/auth/tenant";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/config";
import { exportPeople, xlsxResponse } from "@/lib/people/xlsx";

export const dynamic = "force-dynamic";

// GET /[org]/people/export — the school's people as an .xlsx file, for roles with people.view.
export async function GET(_request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "people.view");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return xlsxResponse(await exportPeople(ctx, locale));
}
