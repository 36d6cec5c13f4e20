import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { formatDate } from "../../i18n/i18n";
import { useT } from "../../i18n/use-t";
import { ChartWithTable } from "./chart-with-table";

export type DayRow = { day: string; responses: number };

/** Responses per day: columns and their table. */
export function DailyResponsesChart({ rows, caption, dayLabel, countLabel }: { rows: DayRow[]; caption: string; dayLabel: string; countLabel: string }) {
  const t = useT();
  const data = rows.map((r) => ({ label: formatDate(t.locale, r.day), responses: r.responses }));
  return (
    <ChartWithTable
      caption={caption}
      columns={[dayLabel, countLabel]}
      rows={rows.map((row) => ({ key: row.day, label: <time dateTime={row.day}>{formatDate(t.locale, row.day)}</time>, value: row.responses }))}
      chart={
        <BarChart data={data} margin={{ left: 0, right: 16, top: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} width={40} />
          <Tooltip />
          <Bar dataKey="responses" fill="#1b4d89" name={countLabel} isAnimationActive={false} />
        </BarChart>
      }
    />
  );
}
