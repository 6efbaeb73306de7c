/**
 * The unread counter beside the «Уведомления» navigation link. It sits outside the link, so the link's
 * text stays «Уведомления»; screen readers hear the count from the hidden label («, непрочитанных: 3»).
 */
export function UnreadBadge({ count, label }: { count: number; label: string }) {
  if (count <= 0) return null;
  return (
    <span className="pointer-events-none absolute -top-2 -right-1 md:top-1/2 md:right-2 md:-translate-y-1/2">
      <span aria-hidden="true" className="inline-block min-w-6 rounded-full bg-red-700 px-1.5 text-center text-xs leading-5 font-semibold text-white">
        {count > 99 ? "99+" : count}
      </span>
      <span className="sr-only">{label}</span>
    </span>
  );
}
