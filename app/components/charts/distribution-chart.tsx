import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useT } from "../../i18n/use-t";

export type ChartRow = { label: string; count: number };

/**
 * A bar chart and its data-table twin. Recharts draws only in the browser (it measures its
 * container), so the table is what a no-JS reader, a screen reader and the first paint get;
 * the chart is hidden from assistive technologies because the table says the same.
 */
export function DistributionChart({ rows, caption }: { rows: ChartRow[]; caption: string }) {
  const t = useT();
  return (
    <div className="chart">
      <div className="chart__figure" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} layout="vertical" margin={{ left: 16, right: 16 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="label" width={160} tick={{ fontSize: 13 }} />
            <Tooltip />
            <Bar dataKey="count" fill="#1b4d89" name={t("results.count")} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("results.value")}</th>
            <th scope="col" className="number">
              {t("results.count")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td className="number">{row.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
