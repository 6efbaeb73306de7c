import { Table, Td } from "@/components/ui/table";
import { SWOT_QUADRANTS, type Swot, type SwotQuadrant } from "@/lib/domain/swot";

type Labels = { caption: string; side: string; computed: string; own: string; none: string; quadrants: Record<SwotQuadrant, string> };

function Lines({ lines, none }: { lines: string[]; none: string }) {
  if (lines.length === 0) return <>{none}</>;
  return (
    <ul className="list-disc space-y-1 pl-5">
      {lines.map((line, i) => (
        <li key={i}>{line}</li>
      ))}
    </ul>
  );
}

/** One form's SWOT: a row per quadrant, the computed lines beside the curator's own (decision 049). */
export function SwotTable({ computed, notes, labels }: { computed: Swot; notes: Swot; labels: Labels }) {
  return (
    <Table caption={labels.caption} head={[labels.side, labels.computed, labels.own]}>
      {SWOT_QUADRANTS.map((q) => (
        <tr key={q}>
          <th scope="row" className="align-top font-medium">
            {labels.quadrants[q]}
          </th>
          <Td className="align-top">
            <Lines lines={computed[q]} none={labels.none} />
          </Td>
          <Td className="align-top">
            <Lines lines={notes[q]} none={labels.none} />
          </Td>
        </tr>
      ))}
    </Table>
  );
}
