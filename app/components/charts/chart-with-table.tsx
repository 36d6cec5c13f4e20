import type { ReactNode } from "react";
import { DataTable } from "../data-table";
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
      <DataTable
        label={caption}
        caption={caption}
        columns={columns.map((column, index) => ({ label: column, numeric: index > 0 }))}
        rows={rows.map((row) => ({ key: row.key, header: row.label, cells: row.cells }))}
      />
    </div>
  );
}

/** The two-column form: a label and one number (or its formatted text). */
export function ChartWithTable({ chart, caption, columns, rows }: { chart: ReactNode; caption: string; columns: [string, string]; rows: TableRow[] }) {
  return <ChartWithDataTable chart={chart} caption={caption} columns={columns} rows={rows.map((row) => ({ key: row.key, label: row.label, cells: [row.text ?? row.value] }))} />;
}
