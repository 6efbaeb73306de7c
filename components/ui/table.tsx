import type { ReactNode } from "react";

/** The column a table is sorted by (its header gets `aria-sort`: one header at a time, as WAI-ARIA asks). */
export type TableSort = { column: number; direction: "ascending" | "descending" } | undefined;

/** `dense`: narrower cell padding, for a table whose every column must fit a 1366 px screen (the district's schools). */
export function Table({ caption, head, children, dense, sorted }: { caption: string; head: ReactNode[]; children: ReactNode; dense?: boolean; sorted?: TableSort }) {
  return (
    // Focusable and named, so that a table wider or taller than its frame can be scrolled from the keyboard. A
    // group, not a region: a landmark per table would repeat the name of the section around it (axe
    // «landmark-unique»).
    <div className="table-frame" role="group" aria-label={caption} tabIndex={0}>
      <table className={`data-table${dense ? " data-table-dense" : ""} w-full border-collapse text-left text-sm`}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            {head.map((h, i) => (
              <th key={i} scope="col" aria-sort={sorted?.column === i ? sorted.direction : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A body cell: its padding, border and alignment come from the table's `data-table` class (app/globals.css). */
export function Td({ children, className }: { children: ReactNode; className?: string }) {
  // No className key at all when none is given: the flight payload would carry `"className":"$undefined"` per cell.
  return className ? <td className={className}>{children}</td> : <td>{children}</td>;
}

/** A two-column table of labelled values (an indicator and its value), one row per pair. */
export function KeyValueTable({ caption, head, rows }: { caption: string; head: [ReactNode, ReactNode]; rows: [string, ReactNode][] }) {
  return (
    <Table caption={caption} head={head}>
      {rows.map(([label, value]) => (
        <tr key={label}>
          <Td>{label}</Td>
          <Td>{value}</Td>
        </tr>
      ))}
    </Table>
  );
}
