import type { ResponseSource } from "../../../db/schema";
import { SCREENING_ID } from "./questions";

export type CountCell = { projectId: string; indicatorId: string; groupId: string; source: ResponseSource; value: string; count: number };

/** What the online responses of one stakeholder group left, for the screening recount. */
export type GroupScreening = {
  groupId: string;
  /** Online responses of the group. */
  responses: number;
  /** The projects the group is asked « Connaissez-vous ce projet ? » about. */
  projectIds: readonly string[];
  /** Per project, the group's online responses with at least one answer on it. */
  answeredBy: ReadonlyMap<string, number>;
  /** Whether a « yes » must leave an answer: the group has a required question for each project. */
  yesLeavesAnAnswer: boolean;
};

/**
 * The « ne connaît pas ce projet » cells (SCREENING_ID / "no", online) recounted from the
 * answers: that « no » keeps nothing else of the person on the project, so a response without
 * any answer on a project its group is asked about said « no », and one with an answer said
 * « yes ». That is exact when a « yes » must answer a required question. Without one, a « yes »
 * may leave nothing too: the count is only bounded by the responses without an answer, so a
 * stored count within that bound is taken as recounted, and one above it recounts as the bound.
 */
export function recountNotKnownCells(groups: readonly GroupScreening[], stored: readonly CountCell[]): CountCell[] {
  const storedNo = (groupId: string, projectId: string) =>
    stored.filter((c) => c.indicatorId === SCREENING_ID && c.value === "no" && c.source === "online" && c.groupId === groupId && c.projectId === projectId).reduce((n, c) => n + c.count, 0);
  return groups.flatMap((group) =>
    group.projectIds.flatMap((projectId): CountCell[] => {
      const withoutAnswer = group.responses - (group.answeredBy.get(projectId) ?? 0);
      const count = group.yesLeavesAnAnswer ? withoutAnswer : Math.min(storedNo(group.groupId, projectId), withoutAnswer);
      return count > 0 ? [{ projectId, indicatorId: SCREENING_ID, groupId: group.groupId, source: "online", value: "no", count }] : [];
    }),
  );
}
