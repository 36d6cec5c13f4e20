import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { DataTable } from "~/components/data-table";
import { useLoaderData } from "@remix-run/react";
import { db } from "~/db.server";
import { formatNumber } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { PRIVACY_CATEGORIES } from "~/modules/privacy/categories";
import { getPrivacyInventory } from "~/modules/privacy/inventory.server";
import { titleMeta } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, (t) => t("operations.privacy.title"));

/** Public: anyone (a resident, a DPO) can read what the install keeps; counts only. */
export async function loader(_args: LoaderFunctionArgs) {
  return { inventory: await getPrivacyInventory(db) };
}

export default function Privacy() {
  const t = useT();
  const { inventory } = useLoaderData<typeof loader>();
  return (
    <section className="page">
      <h1>{t("operations.privacy.title")}</h1>
      <p>{t("operations.privacy.intro")}</p>
      <p>{t("operations.privacy.controller")}</p>
      <DataTable
        label={t("operations.privacy.title")}
        columns={[
          { label: t("operations.privacy.category") },
          { label: t("operations.privacy.held"), numeric: true },
          { label: t("operations.privacy.why") },
          { label: t("operations.privacy.howLong") },
          { label: t("operations.privacy.who") },
        ]}
        rows={PRIVACY_CATEGORIES.map((category) => ({
          key: category,
          header: t(`operations.privacy.${category}.name`),
          cells: [formatNumber(t.locale, inventory[category], 0), t(`operations.privacy.${category}.why`), t(`operations.privacy.${category}.howLong`), t(`operations.privacy.${category}.who`)],
        }))}
      />
      <p>{t("operations.privacy.notKept")}</p>
      <p>
        <a href="/account">{t("operations.account.title")}</a>
      </p>
    </section>
  );
}
