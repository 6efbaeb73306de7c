import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActivityForm } from "@/components/program/activity-form";
import { PageHeader, Section } from "@/components/ui/page-header";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { formatAcademicYear } from "@/lib/domain/academic-year";
import { getActivity, listStaff } from "@/lib/programs/queries";

export const dynamic = "force-dynamic";

export default async function EditActivityPage({ params }: { params: Promise<{ org: string; activityId: string }> }) {
  const { org, activityId } = await params;
  const ctx = await requireTenant(org, "program.manage");
  if (!/^[0-9a-f-]{36}$/.test(activityId)) notFound();
  const [activity, staff] = await readPage(ctx, (read) => Promise.all([getActivity(read, activityId), listStaff(read)]));
  if (!activity) notFound();
  const t = await getTranslations("roadmap");
  return (
    <>
      <PageHeader title={t("editTitle")}>
        <p>
          <Link href={`/${org}/program/roadmap`} className="text-brand-700 underline">
            {t("back")}
          </Link>
        </p>
      </PageHeader>
      <Section title={activity.title} id="edit">
        <ActivityForm
          org={org}
          programId={activity.programId}
          staff={staff}
          academicYear={formatAcademicYear(activity.academicYear)}
          initial={{ ...activity, activityId: activity.id }}
        />
      </Section>
    </>
  );
}
