/** Whether `value` is one of a fixed list (`ROLES`, `CAMPAIGN_STATES`…), narrowing it without a cast. */
export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return list.some((item) => item === value);
}
