import { Link } from "@remix-run/react";
import { useT } from "../../i18n/use-t";
import { FrenchText } from "../french-text";

/** The top of a campaign's results page, with or without results yet: the way back and the title. */
export function ResultsHeader({ campaign }: { campaign: { id: string; title: string } }) {
  const t = useT();
  return (
    <>
      <p>
        <Link to={`/campaigns/${campaign.id}`}>← <FrenchText>{campaign.title}</FrenchText></Link>
      </p>
      <h1>{t("results.title", { title: campaign.title })}</h1>
    </>
  );
}
