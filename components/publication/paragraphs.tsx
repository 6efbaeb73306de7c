// Plain text typed by the school (intro, news, contacts): paragraphs at blank lines, line breaks kept.
export function Paragraphs({ text, className = "" }: { text: string; className?: string }) {
  const parts = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {parts.map((p, i) => (
        <p key={i} className={`whitespace-pre-line ${className}`}>
          {p}
        </p>
      ))}
    </>
  );
}
