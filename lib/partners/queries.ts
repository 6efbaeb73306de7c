import "server-only";
import { readTenant, type TenantContext } from "../auth/tenant";
import { fullName } from "../domain/names";
import { partnerMentorsShare, shareOf, type PartnerShare } from "../domain/partners";

// The read path of the partner register (decision 061): the organization's own partners and external mentors;
// an office's view of its schools' partners is aggregates only (district_partner_figures()).

const collator = new Intl.Collator("ru", { numeric: true });

/** The register with each partner's linked mentors, the external mentors one may link, and the indicator. */
export async function listPartners(ctx: TenantContext) {
  return readTenant(ctx, async (tx) => {
    const organizationId = ctx.organization.id;
    const found = await tx.organization.findUnique({
      where: { id: organizationId },
      select: {
        partners: {
          select: { id: true, name: true, inn: true, agreementNumber: true, agreementDate: true, contactName: true, phone: true, email: true },
          orderBy: { name: "asc" },
        },
        people: {
          where: { kind: "EXTERNAL", mentorProfile: { isNot: null } },
          select: { id: true, lastName: true, firstName: true, middleName: true, active: true, partnerId: true, externalOrganization: true, mentorProfile: { select: { status: true } } },
          orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
        },
      },
    });
    const partners = found?.partners ?? [];
    const mentors = (found?.people ?? []).map((p) => ({
      id: p.id,
      name: fullName(p),
      active: p.active,
      partnerId: p.partnerId,
      externalOrganization: p.externalOrganization,
      mentorStatus: p.mentorProfile?.status ?? null,
    }));
    const share = partnerMentorsShare(
      partners.map((p) => p.id),
      mentors,
    );
    return {
      partners: partners.map((p) => ({ ...p, mentors: mentors.filter((m) => m.partnerId === p.id) })).sort((a, b) => collator.compare(a.name, b.name)),
      mentors,
      share,
    };
  });
}

type FigureRow = { school_id: string; partners: number; providing: number };

/** The indicator of the organization's own register plus, for an office, the sum over its schools (aggregates). */
export async function partnerShares(ctx: TenantContext): Promise<{ own: PartnerShare; schools: PartnerShare & { count: number } | null }> {
  return readTenant(ctx, async (tx) => {
    const organizationId = ctx.organization.id;
    const [partners, mentors] = await Promise.all([
      tx.partnerOrganization.findMany({ where: { organizationId }, select: { id: true } }),
      tx.person.findMany({ where: { organizationId, partnerId: { not: null } }, select: { partnerId: true, active: true, mentorProfile: { select: { status: true } } } }),
    ]);
    const own = partnerMentorsShare(
      partners.map((p) => p.id),
      mentors.map((m) => ({ partnerId: m.partnerId, active: m.active, mentorStatus: m.mentorProfile?.status ?? null })),
    );
    if (ctx.organization.kind === "SCHOOL") return { own, schools: null };
    const rows = await tx.$queryRaw<FigureRow[]>`SELECT * FROM district_partner_figures(${organizationId}::uuid)`;
    const sum = (k: "partners" | "providing") => rows.reduce((n, r) => n + Number(r[k]), 0);
    return { own, schools: { ...shareOf(sum("partners"), sum("providing")), count: rows.filter((r) => Number(r.partners) > 0).length } };
  });
}
