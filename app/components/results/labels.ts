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

/** The groups not asked about a project (results-types.ts `notAsked`), in the page's language. */
export function notAskedGroups(t: Translate, data: { groups: readonly Named[]; notAsked: readonly { groupId: string; projectId: string }[] }, projectId: string): { id: string; label: string }[] {
  const names = namesById(t, data.groups);
  return data.notAsked.filter((p) => p.projectId === projectId).map((p) => ({ id: p.groupId, label: names.get(p.groupId) ?? p.groupId }));
}
