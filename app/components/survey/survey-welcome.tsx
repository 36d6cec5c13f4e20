import type { ReactNode } from "react";
import { useT } from "../../i18n/use-t";

export type WelcomeContent = { title: string; description: string; isAnonymous: boolean; questionCount: number; projects: string[] };

/**
 * The first page a resident sees: the campaign, the projects they are asked about, how long it
 * takes, anonymity. The council's preview shows this same page first; only `start` differs
 * (a POST that opens a draft, or a GET that only moves the preview on).
 */
export function SurveyWelcome({ content, start, headingLevel = 1 }: { content: WelcomeContent; start: ReactNode; headingLevel?: 1 | 2 }) {
  const t = useT();
  const { title, description, isAnonymous, questionCount, projects } = content;
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <>
      <Heading>{title}</Heading>
      {description ? <p>{description}</p> : null}
      <ul>
        {projects.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      <p>{t("survey.duration", { minutes: Math.max(2, Math.ceil(questionCount / 3)), count: questionCount })}</p>
      <p className={isAnonymous ? "flash" : "warning"}>{isAnonymous ? t("survey.anonymousNotice") : t("survey.namedNotice")}</p>
      {start}
    </>
  );
}
