import { useT } from "../../i18n/use-t";

export function SurveyUnavailable({ status }: { status: "closed" | "used" | "full" | "ok" }) {
  const t = useT();
  const [title, body] =
    status === "used" ? [t("survey.usedTitle"), t("survey.usedBody")] : status === "full" ? [t("survey.linkFullTitle"), t("survey.closedBody")] : [t("survey.closedTitle"), t("survey.closedBody")];
  return (
    <section className="survey">
      <h1>{title}</h1>
      <p>{body}</p>
    </section>
  );
}
