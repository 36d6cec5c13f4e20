/** Current instant as ISO-8601 text, the format of every *_at column. */
export function nowIso(): string {
  return new Date().toISOString();
}

const dayInParis = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's date in France (YYYY-MM-DD): the only time a response carries. */
export function todayInFrance(now: Date = new Date()): string {
  return dayInParis.format(now);
}

export function addDays(iso: string, days: number): string {
  return new Date(new Date(iso).getTime() + days * 86_400_000).toISOString();
}
