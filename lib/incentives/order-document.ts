import type { OrderDocument } from "../documents/types";
import { actCitation, formatRubles, incentiveOrderRows, type OrderPayment } from "../domain/incentives";
import { fullName } from "../domain/names";
import { documentAuthor, headSignatory, type OrganizationRequisites } from "../domain/organization-profile";
import { basisPreamble, effectiveAudience } from "../domain/organization-words";

/**
 * The order «О выплатах стимулирующего характера наставникам» (pure): number and date blank, to be
 * registered and signed; the head («Директор», «Заведующий»…) and the requisites from the profile; the
 * basis preamble (the law, the teachers' recommendations — paid mentors are staff —, ст. 135 ТК РФ, the
 * school's acts the payments rest on); the payments in the appendix. Refused, with what is missing, while
 * a payment's basis act is gone or not approved.
 */
export function buildIncentiveOrder(
  requisites: OrganizationRequisites,
  payments: OrderPayment[],
  program: { title: string; curatorName: string | null } | null,
): { ok: true; document: OrderDocument } | { ok: false; missing: string[] } {
  const built = incentiveOrderRows(payments);
  if (!built.ok) return built;
  const curator = program?.curatorName ?? null;
  return {
    ok: true,
    document: {
      ...documentAuthor(requisites),
      number: null,
      date: null,
      title: "О выплатах стимулирующего характера наставникам",
      preamble: basisPreamble(
        effectiveAudience(requisites.schoolKind, "TEACHERS"),
        `статьёй 135 Трудового кодекса Российской Федерации, ${built.acts.map(actCitation).join(", ")}, Положением о программе наставничества${program ? ` (программа «${program.title}»)` : ""}, в целях стимулирования наставнической деятельности педагогических работников`,
      ),
      items: [
        "Установить наставникам выплаты стимулирующего характера за осуществление наставнической деятельности в размерах и за периоды, указанные в приложении к настоящему приказу.",
        `Бухгалтерии произвести начисление и выплату в общей сумме ${formatRubles(built.total)} руб. в сроки, установленные для выплаты заработной платы.`,
        "Контроль за исполнением настоящего приказа оставляю за собой.",
      ],
      signatory: headSignatory(requisites, null),
      executor: curator ? { name: curator } : null,
      acquainted: [...new Set(payments.map((p) => fullName(p.mentor)))],
      appendix: {
        title: "Выплаты стимулирующего характера наставникам",
        header: ["№ п/п", "Фамилия, имя, отчество наставника", "Должность", "Период", "Размер выплаты, руб.", "Основание (локальный акт)"],
        weights: [7, 24, 18, 18, 12, 25],
        rows: built.rows,
      },
    },
  };
}
