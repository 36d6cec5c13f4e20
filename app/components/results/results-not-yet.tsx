import { Link } from "@remix-run/react";
import { useT } from "../../i18n/use-t";
import { ResultsHeader } from "./results-header";

/** An open (or draft) campaign: why there is nothing to read yet, and where participation is. */
export function ResultsNotYet({ campaign }: { campaign: { id: string; title: string } }) {
  const t = useT();
  return (
    <section className="page">
      <ResultsHeader campaign={campaign} />
      <div className="flash" role="status" data-testid="results-not-yet">
        <p>
          <strong>{t("results.notYet.heading")}</strong>
        </p>
        <p>{t("results.notYet.why")}</p>
        <p>
          {t("results.notYet.participation")} <Link to={`/campaigns/${campaign.id}/participation`}>{t("results.notYet.participationLink")}</Link>
        </p>
      </div>
    </section>
  );
}
