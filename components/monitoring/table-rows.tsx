"use client";

import Link from "next/link";

/**
 * The body rows of a dashboard table, from their texts. Rendered on the server like any component, but its
 * flight payload is the texts (`[["1. …", "6", "6"], …]`) instead of one element per cell — a dashboard has
 * eight such tables (issue #14 item 2, docs/decisions/014). `numeric[j]`: column j is right-aligned figures;
 * `links[i]`: the address row i's first cell links to.
 */
export function TableRows({ rows, numeric, links }: { rows: string[][]; numeric: boolean[]; links: (string | null)[] }) {
  return rows.map((row, i) => (
    <tr key={i}>
      {row.map((text, j) => (
        <td key={j} className={numeric[j] ? "num" : undefined}>
          {j === 0 && links[i] ? (
            <Link href={links[i]} className="link">
              {text}
            </Link>
          ) : (
            text
          )}
        </td>
      ))}
    </tr>
  ));
}
