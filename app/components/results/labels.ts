import type { Translate } from "../../i18n/i18n";
import { formatNumber, formatPercent, localized } from "../../i18n/i18n";
import type { HiddenReason } from "../../modules/results/masking";

type Named = { id: string; label: { fr: string; en: string } };

/** Group, project and dimension names by id, in the page's language. */
export function namesById(t: Translate, items: readonly Named[]): Map<string, string> {
  return new Map(items.map((item) => [item.id, localized(t.locale, item.label)]));
}

/** Why a figure is hidden, in words (never the threshold's letter). */
export function maskedReason(t: Translate, reason: HiddenReason): string {
  return reason === "smallGroup" ? t("results.masked.smallGroup") : t("results.masked.protectsAnotherGroup");
}

/** 0.125 → « 12,5 % ». */
export function percent(t: Translate, share: number): string {
  return formatPercent(t.locale, share, 1);
}

export function score(t: Translate, value: number): string {
  return formatNumber(t.locale, value, 0);
}

export function interval(t: Translate, range: { low: number; high: number } | null, digits = 1): string {
  return range ? `[${formatNumber(t.locale, range.low, digits)} ; ${formatNumber(t.locale, range.high, digits)}]` : "—";
}

type NotAsked = readonly { groupId: string; projectId: string }[];

/** The not-asked lookup, built once from the results (results-types.ts `notAsked`): every chart asks it. */
export function notAskedLookup(notAsked: NotAsked): (groupId: string, projectId: string) => boolean {
  const keys = new Set(notAsked.map((p) => `${p.groupId}\u0000${p.projectId}`));
  return (groupId, projectId) => keys.has(`${groupId}\u0000${projectId}`);
}

/** The groups not asked about a project (results-types.ts `notAsked`), in the page's language. */
export function notAskedGroups(t: Translate, data: { groups: readonly Named[]; notAsked: NotAsked }, projectId: string): { id: string; label: string }[] {
  const names = namesById(t, data.groups);
  return data.notAsked.filter((p) => p.projectId === projectId).map((p) => ({ id: p.groupId, label: names.get(p.groupId) ?? p.groupId }));
}
