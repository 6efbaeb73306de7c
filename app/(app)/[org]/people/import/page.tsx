import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PeopleImport } from "@/components/people/import-wizard";
import { PageHeader } from "@/components/ui/page-header";
import { requireTenant } from "@/lib/auth/tenant";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("peopleImport");
  return { title: t("title") };
}

export default async function PeopleImportPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "people.manage");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const t = await getTranslations("peopleImport");
  return (
    <>
      <PageHeader title={t("title")}>
        <p>{t("intro")}</p>
        <p>
          <Link href={`/${org}/people`} className="text-brand-700 underline">
            {t("back")}
          </Link>
        </p>
      </PageHeader>
      <PeopleImport org={org} />
    </>
  );
}
