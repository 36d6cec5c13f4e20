import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { useT } from "../../i18n/use-t";
import { ChartWithTable } from "./chart-with-table";

export type ChartRow = { label: string; count: number };

/** How many people gave each answer: horizontal bars and their table. */
export function DistributionChart({ rows, caption }: { rows: ChartRow[]; caption: string }) {
  const t = useT();
  return (
    <ChartWithTable
      caption={caption}
      columns={[t("results.value"), t("results.count")]}
      rows={rows.map((row) => ({ key: row.label, label: row.label, value: row.count }))}
      chart={
        <BarChart data={rows} layout="vertical" margin={{ left: 16, right: 16 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          {/* Every value labelled (0 to 10 too): Recharts would otherwise skip some to avoid overlap. */}
          <YAxis type="category" dataKey="label" width={160} tick={{ fontSize: 13 }} interval={0} />
          <Tooltip />
          <Bar dataKey="count" fill="#1b4d89" name={t("results.count")} isAnimationActive={false} />
        </BarChart>
      }
    />
  );
}
