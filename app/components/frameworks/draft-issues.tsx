import { say } from "~/i18n/say";
import { useT } from "~/i18n/use-t";
import type { FrameworkIssue } from "../../../evaluation-frameworks/schema";

/** What still blocks a draft's publication (e.g. a dimension without indicators yet). */
export function DraftIssues({ issues }: { issues: FrameworkIssue[] }) {
  const t = useT();
  return (
    <div className="warning">
      <p>{t("frameworks.detail.toFix")}</p>
      <ul>
        {issues.map((issue, index) => (
          <li key={index}>{say(t, issue.message)}</li>
        ))}
      </ul>
    </div>
  );
}
