import type { ReactNode } from "react";
import { ScrollTable } from "./scroll-table";

export type DataColumn = { label: ReactNode; numeric?: boolean };
/** A masked figure: one cell with its reason, over `span` columns (the rest of a hidden row). */
export type MaskedCell = { masked: ReactNode; span?: number };
export type DataRow = { key: string | number; header?: ReactNode; cells: (ReactNode | MaskedCell)[] };

const isMasked = (cell: ReactNode | MaskedCell): cell is MaskedCell => typeof cell === "object" && cell !== null && "masked" in cell;

/**
 * The app's tables of figures and lists: column headers, an optional row header (the first
 * column, `<th scope="row">`), numbers aligned right, in a focusable scroll region so a keyboard
 * can scroll a wide table on a phone. `columns` names every column, the row header's included.
 */
export function DataTable({ label, caption, columns, rows, className }: { label: string; caption?: ReactNode; columns: readonly DataColumn[]; rows: readonly DataRow[]; className?: string }) {
  const offset = rows.some((row) => row.header !== undefined) ? 1 : 0;
  return (
    <ScrollTable label={label} className={className}>
      {caption ? <caption>{caption}</caption> : null}
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th key={index} scope="col" className={column.numeric ? "number" : undefined}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            {offset ? <th scope="row">{row.header}</th> : null}
            {row.cells.map((cell, index) =>
              isMasked(cell) ? (
                <td key={index} colSpan={cell.span} className="masked">
                  {cell.masked}
                </td>
              ) : (
                <td key={index} className={columns[index + offset]?.numeric ? "number" : undefined}>
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
