// Which of a campaign's projects each stakeholder group is asked about (issue #15). Stored as
// exclusions (« not asked »): a campaign, project or group nobody excluded is asked everything.

export type GroupProject = { groupId: string; projectId: string };

/** The grid's checkbox value for a group and a project (group ids are [a-z0-9_], no « : »). */
export function groupProjectKey(pair: GroupProject): string {
  return `${pair.groupId}:${pair.projectId}`;
}

export function isAsked(unasked: readonly GroupProject[], groupId: string, projectId: string): boolean {
  return !unasked.some((p) => p.groupId === groupId && p.projectId === projectId);
}

/** The same test for many pairs (every count cell of a campaign's results): one set, built once. */
export function askedPairs(unasked: readonly GroupProject[]): (groupId: string, projectId: string) => boolean {
  const excluded = new Set(unasked.map(groupProjectKey));
  return (groupId, projectId) => !excluded.has(groupProjectKey({ groupId, projectId }));
}

/** The projects one group is asked about, in the campaign's order. */
export function askedProjectIds(projectIds: readonly string[], unasked: readonly GroupProject[], groupId: string): string[] {
  return projectIds.filter((projectId) => isAsked(unasked, groupId, projectId));
}

/**
 * The exclusions a posted grid means: a pair the grid showed (`shown`) and left unticked
 * (`asked`). A pair the grid did not show (a project or group just added in the same form) stays
 * asked, so the default is « everything » without JavaScript. Only the campaign's own groups
 * and projects count; anything else posted is ignored.
 */
export function unaskedFromGrid(groupIds: readonly string[], projectIds: readonly string[], grid: { shown: readonly string[]; asked: readonly string[] }): GroupProject[] {
  const shown = new Set(grid.shown);
  const asked = new Set(grid.asked);
  return groupIds.flatMap((groupId) =>
    projectIds.flatMap((projectId) => {
      const key = groupProjectKey({ groupId, projectId });
      return shown.has(key) && !asked.has(key) ? [{ groupId, projectId }] : [];
    }),
  );
}

/** The groups that would be asked about no project at all: each group must have one. */
export function groupsAskedNothing(groupIds: readonly string[], projectIds: readonly string[], unasked: readonly GroupProject[]): string[] {
  return groupIds.filter((groupId) => askedProjectIds(projectIds, unasked, groupId).length === 0);
}
