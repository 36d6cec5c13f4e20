import type { Framework } from "../../../evaluation-frameworks/schema";

export type Indicator = Framework["indicators"][number];

/** Indicators asked as questions to at least one of the groups. */
export function questionIndicators(framework: Framework, groupIds: readonly string[]): Indicator[] {
  return framework.indicators.filter((i) => i.kind === "question" && i.audiences.some((a) => groupIds.includes(a)));
}
