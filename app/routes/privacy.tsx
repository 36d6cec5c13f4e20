import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
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
      <div className="table-scroll" role="region" aria-label={t("operations.privacy.title")} tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("operations.privacy.category")}</th>
              <th scope="col">{t("operations.privacy.held")}</th>
              <th scope="col">{t("operations.privacy.why")}</th>
              <th scope="col">{t("operations.privacy.howLong")}</th>
              <th scope="col">{t("operations.privacy.who")}</th>
            </tr>
          </thead>
          <tbody>
            {PRIVACY_CATEGORIES.map((category) => (
              <tr key={category}>
                <th scope="row">{t(`operations.privacy.${category}.name`)}</th>
                <td>{formatNumber(t.locale, inventory[category], 0)}</td>
                <td>{t(`operations.privacy.${category}.why`)}</td>
                <td>{t(`operations.privacy.${category}.howLong`)}</td>
                <td>{t(`operations.privacy.${category}.who`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>{t("operations.privacy.notKept")}</p>
      <p>
        <a href="/account">{t("operations.account.title")}</a>
      </p>
    </section>
  );
}
