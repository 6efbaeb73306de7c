import type { ReactNode } from "react";

export function Table({ caption, head, children }: { caption: string; head: ReactNode[]; children: ReactNode }) {
  return (
    // Focusable and named, so that a table wider than the screen can be scrolled from the keyboard.
    <div className="overflow-x-auto" role="region" aria-label={caption} tabIndex={0}>
      <table className="data-table w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            {head.map((h, i) => (
              <th key={i} scope="col">
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
