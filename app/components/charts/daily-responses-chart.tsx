import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDate } from "../../i18n/i18n";
import { useT } from "../../i18n/use-t";

export type DayRow = { day: string; responses: number };

/**
 * Responses per day as columns, and its data-table twin. As with DistributionChart, Recharts
 * draws only in the browser; the table is what no-JS readers and screen readers get.
 */
export function DailyResponsesChart({ rows, caption, dayLabel, countLabel }: { rows: DayRow[]; caption: string; dayLabel: string; countLabel: string }) {
  const t = useT();
  const data = rows.map((r) => ({ label: formatDate(t.locale, r.day), responses: r.responses }));
  return (
    <div className="chart">
      <div className="chart__figure" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ left: 0, right: 16, top: 8 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis allowDecimals={false} width={40} />
            <Tooltip />
            <Bar dataKey="responses" fill="#1b4d89" name={countLabel} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{dayLabel}</th>
              <th scope="col" className="number">
                {countLabel}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.day}>
                <th scope="row">
                  <time dateTime={row.day}>{formatDate(t.locale, row.day)}</time>
                </th>
                <td className="number">{row.responses}</td>
              </tr>
            ))}
          </tbody>
      </table>
    </div>
  );
}
