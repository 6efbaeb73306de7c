import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { z } from "zod";
import { hasPermission } from "@/lib/auth/permissions";
import { requireTenant } from "@/lib/auth/tenant";
import { campaignSummary, consolidatedXlsx } from "@/lib/campaigns/consolidation";
import { getOfficeCampaign } from "@/lib/campaigns/queries";
import { DOCUMENT_FORMATS, documentResponse } from "@/lib/http/document-response";
import { IdParam, readRouteParams, searchOf } from "@/lib/http/params";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/config";
import { xlsxResponse } from "@/lib/people/xlsx";

export const dynamic = "force-dynamic";

const SearchInput = z.object({ format: z.enum(["xlsx", ...DOCUMENT_FORMATS]).default("xlsx") });

// GET /[org]/district/campaigns/[campaignId]/export?format=xlsx|docx|pdf — the consolidated table (a row per
// school, a column per indicator) or the summary of the office's campaign. Submitted answers only; a GET
// changes nothing.
export async function GET(request: Request, { params }: { params: Promise<{ org: string; campaignId: string }> }) {
  const { org, campaignId } = await params;
  const ctx = await requireTenant(org);
  if (ctx.organization.kind === "SCHOOL" || !hasPermission(ctx.roles, "campaigns.manage")) notFound();
  if (!IdParam.safeParse(campaignId).success) notFound();
  const parsed = readRouteParams(SearchInput, searchOf(request), request);
  if (!parsed.ok) return parsed.response;
  const data = await getOfficeCampaign(ctx, campaignId);
  if (!data) notFound();
  if (parsed.data.format === "xlsx") return xlsxResponse(await consolidatedXlsx(data, toLocale((await cookies()).get(LOCALE_COOKIE)?.value)));
  return documentResponse(await campaignSummary(ctx, data), parsed.data.format);
}
