import type { ReactNode } from "react";
import { FrenchText } from "~/components/french-text";
import { useT } from "~/i18n/use-t";
import type { FindingFigures } from "~/modules/review/figures";
import { AnswerView, FindingFiguresView, PositionList } from "./finding-figures";

type Finding = {
  id: string;
  figures: FindingFigures;
  positions: Parameters<typeof PositionList>[0]["positions"];
  answer: { response: string } | null;
  commitments: Parameters<typeof AnswerView>[0]["commitments"];
};

/**
 * One finding as every evaluation page shows it — its text, masked figures, the stakeholders'
 * positions and the council's answer — with each page's own forms in the slots between.
 */
export function FindingSection({ finding, text, k, groupLabel, formatDay, afterFigures, afterPositions, afterAnswer }: { finding: Finding; text: { title: string; body: string; isCouncilText?: boolean }; k: number; groupLabel: (id: string) => string; formatDay: (iso: string) => string; afterFigures?: ReactNode; afterPositions?: ReactNode; afterAnswer?: ReactNode }) {
  const t = useT();
  return (
    <section className="finding" aria-labelledby={`finding-${finding.id}`}>
      <h3 id={`finding-${finding.id}`}>{text.isCouncilText ? <FrenchText>{text.title}</FrenchText> : text.title}</h3>
      <p>{text.isCouncilText ? <FrenchText>{text.body}</FrenchText> : text.body}</p>
      <FindingFiguresView figures={finding.figures} k={k} groupLabel={groupLabel} />
      {afterFigures}
      <h4>{t("review.positions")}</h4>
      <PositionList positions={finding.positions} />
      {afterPositions}
      <AnswerView answer={finding.answer} commitments={finding.commitments} formatDay={formatDay} />
      {afterAnswer}
    </section>
  );
}
