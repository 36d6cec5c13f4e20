import type { ReactNode } from "react";
import { ScrollTable } from "../scroll-table";
import { ResponsiveContainer } from "recharts";

export type TableRow = { key: string; label: ReactNode; value: number };

/**
 * Every chart of the app with its data-table twin. Recharts draws only in the browser (it
 * measures its container), so the table is what a no-JS reader, a screen reader and the first
 * paint get; the chart is hidden from assistive technologies because the table says the same.
 */
export function ChartWithTable({ chart, caption, columns, rows }: { chart: ReactNode; caption: string; columns: [string, string]; rows: TableRow[] }) {
  return (
    <div className="chart">
      <div className="chart__figure" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          {chart}
        </ResponsiveContainer>
      </div>
      <ScrollTable label={caption}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{columns[0]}</th>
            <th scope="col" className="number">
              {columns[1]}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td className="number">{row.value}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </div>
  );
}
