// Pure arithmetic of the council's participation dashboard: what was sent, opened and answered,
// per stakeholder group and per neighbourhood, and responses per day. No I/O here.

/** Invitations of one kind, group and neighbourhood, as the service counts them in SQL. */
export type InvitationTally = {
  kind: "personal" | "paper" | "open_link";
  groupId: string;
  neighbourhood: string | null;
  invitations: number;
  sent: number;
  opened: number;
  /** Invitations with at least one response (a personal invitation only learns "used"). */
  answered: number;
  /** Responses through these invitations (an open link gathers many). */
  responses: number;
};

export type Funnel = { invitations: number; sent: number; opened: number; answered: number; rate: number | null };

export type GroupParticipation = Funnel & {
  groupId: string;
  openLinkResponses: number;
  /** Every response of the group, whatever its source (online, paper, workshop). */
  responses: number;
  isUnderK: boolean;
};

export type NeighbourhoodParticipation = Funnel & { name: string | null };
export type DayCount = { day: string; responses: number };

/** Answered ÷ sent; unknown (null) while nothing was sent, rather than a misleading 0 %. */
export function responseRate(answered: number, sent: number): number | null {
  return sent > 0 ? answered / sent : null;
}

function funnel(tallies: readonly InvitationTally[]): Funnel {
  // Open links are not sent to anyone: they count in responses, not in the funnel.
  const named = tallies.filter((t) => t.kind !== "open_link");
  const sum = (pick: (t: InvitationTally) => number) => named.reduce((total, t) => total + pick(t), 0);
  const sent = sum((t) => t.sent);
  const answered = sum((t) => t.answered);
  return { invitations: sum((t) => t.invitations), sent, opened: sum((t) => t.opened), answered, rate: responseRate(answered, sent) };
}

/** One row per campaign group, in the campaign's order, flagged when it has fewer than k responses. */
export function participationByGroup(groupIds: readonly string[], tallies: readonly InvitationTally[], responsesByGroup: ReadonlyMap<string, number>, k: number): GroupParticipation[] {
  return groupIds.map((groupId) => {
    const own = tallies.filter((t) => t.groupId === groupId);
    const responses = responsesByGroup.get(groupId) ?? 0;
    const openLinkResponses = own.filter((t) => t.kind === "open_link").reduce((total, t) => total + t.responses, 0);
    return { groupId, ...funnel(own), openLinkResponses, responses, isUnderK: responses < k };
  });
}

/**
 * One row per neighbourhood of the campaign (its order), then any other neighbourhood found on
 * invitations, then the invitations without one (name null), when there are some.
 */
export function participationByNeighbourhood(neighbourhoods: readonly string[], tallies: readonly InvitationTally[]): NeighbourhoodParticipation[] {
  const named = tallies.filter((t) => t.kind !== "open_link");
  const extra = [...new Set(named.map((t) => t.neighbourhood).filter((n): n is string => n !== null && !neighbourhoods.includes(n)))].sort();
  const rows: NeighbourhoodParticipation[] = [...neighbourhoods, ...extra].map((name) => ({ name, ...funnel(named.filter((t) => t.neighbourhood === name)) }));
  const without = named.filter((t) => t.neighbourhood === null);
  if (without.length > 0) rows.push({ name: null, ...funnel(without) });
  return rows;
}

export function participationTotals(tallies: readonly InvitationTally[], responsesByGroup: ReadonlyMap<string, number>) {
  const openLinkResponses = tallies.filter((t) => t.kind === "open_link").reduce((total, t) => total + t.responses, 0);
  const responses = [...responsesByGroup.values()].reduce((a, b) => a + b, 0);
  return { ...funnel(tallies), openLinkResponses, responses };
}

function nextDay(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/**
 * Responses per day from the first to the last day with a response, quiet days included as 0 so
 * a chart's axis is true to time. Capped at `maxDays` (the most recent ones) for long campaigns.
 */
export function responsesPerDay(counts: readonly DayCount[], maxDays = 366): DayCount[] {
  const valid = counts.filter((c) => /^\d{4}-\d{2}-\d{2}$/.test(c.day)).sort((a, b) => a.day.localeCompare(b.day));
  const first = valid[0]?.day;
  const last = valid.at(-1)?.day;
  if (first === undefined || last === undefined) return [];
  const byDay = new Map<string, number>();
  for (const c of valid) byDay.set(c.day, (byDay.get(c.day) ?? 0) + c.responses);
  const days: DayCount[] = [];
  for (let day = first; day <= last; day = nextDay(day)) days.push({ day, responses: byDay.get(day) ?? 0 });
  return days.slice(-maxDays);
}
