import type { ReactNode } from "react";
import { ScrollTable } from "../scroll-table";
import { ResponsiveContainer } from "recharts";

export type TableRow = { key: string; label: ReactNode; value: number; text?: ReactNode };
export type DataTableRow = { key: string; label: ReactNode; cells: ReactNode[] };

/**
 * Every chart of the app with its data-table twin. Recharts draws only in the browser (it
 * measures its container), so the table is what a no-JS reader, a screen reader and the first
 * paint get; the chart is hidden from assistive technologies because the table says the same.
 */
export function ChartWithDataTable({ chart, caption, columns, rows, height }: { chart: ReactNode; caption: string; columns: readonly string[]; rows: DataTableRow[]; height?: number }) {
  return (
    <div className="chart">
      <div className="chart__figure" aria-hidden="true" style={height ? { height } : undefined}>
        <ResponsiveContainer width="100%" height="100%">
          {chart}
        </ResponsiveContainer>
      </div>
      <ScrollTable label={caption}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column, index) => (
                <th key={column} scope="col" className={index > 0 ? "number" : undefined}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {row.cells.map((cell, index) => (
                  <td key={index} className="number">
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
      </ScrollTable>
    </div>
  );
}

/** The two-column form: a label and one number (or its formatted text). */
export function ChartWithTable({ chart, caption, columns, rows }: { chart: ReactNode; caption: string; columns: [string, string]; rows: TableRow[] }) {
  return <ChartWithDataTable chart={chart} caption={caption} columns={columns} rows={rows.map((row) => ({ key: row.key, label: row.label, cells: [row.text ?? row.value] }))} />;
}
