import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { loginWithOidc } from "@/lib/auth/actions";

/**
 * «Войти через …»: the region's single sign-on (docs/decisions/021). A plain form posting to a server
 * action, so it works without JavaScript too; the label is OIDC_NAME, or a general one.
 */
export async function OidcSignIn({ label, callbackUrl }: { label: string | null; callbackUrl: string }) {
  const t = await getTranslations("sso");
  return (
    <form action={loginWithOidc} className="flex flex-col gap-2">
      <p className="text-center text-sm text-slate-600" aria-hidden="true">
        {t("or")}
      </p>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Button type="submit" variant="secondary">
        {label ?? t("defaultButton")}
      </Button>
      <p className="text-sm text-slate-600">{t("hint")}</p>
    </form>
  );
}
