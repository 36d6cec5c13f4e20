import { useT } from "../../i18n/use-t";
import { namesById } from "./labels";

type Written = { threshold: number; texts: readonly { projectId: string; groupId: string; text: string }[] };
type Named = { id: string; label: { fr: string; en: string } };

/** A free-text question's approved answers for one project, each with its stakeholder group, and how they were chosen. */
export function WrittenAnswers({ written, project, groups }: { written: Written; project: { id: string; name: string }; groups: readonly Named[] }) {
  const t = useT();
  const groupNames = namesById(t, groups);
  const texts = written.texts.filter((x) => x.projectId === project.id);
  return (
    <>
      {texts.length === 0 ? (
        <p className="muted">{t("texts.noneApproved")}</p>
      ) : (
        <ul className="stack" data-testid="published-texts">
          {texts.map((x, index) => (
            <li key={index}>
              <blockquote>{x.text}</blockquote>
              <p className="muted">{groupNames.get(x.groupId) ?? x.groupId}</p>
            </li>
          ))}
        </ul>
      )}
      <p className="muted">{t("texts.publishedMethod", { threshold: written.threshold })}</p>
    </>
  );
}
