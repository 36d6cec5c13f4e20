/** Current instant as ISO-8601 text, the format of every *_at column. */
export function nowIso(): string {
  return new Date().toISOString();
}

const dayInParis = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" });

// Intl formatting with a time zone costs ~40 µs, paid on every survey submit: the day is kept
// for the minute it was computed in (France changes day and offset only on whole hours).
let lastMinute = NaN;
let lastDay = "";

/** Today's date in France (YYYY-MM-DD): the only time a response carries. */
export function todayInFrance(now: Date = new Date()): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastMinute) {
    lastDay = dayInParis.format(now);
    lastMinute = minute;
  }
  return lastDay;
}

export function addDays(iso: string, days: number): string {
  return new Date(new Date(iso).getTime() + days * 86_400_000).toISOString();
}
