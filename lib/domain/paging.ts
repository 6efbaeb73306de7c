/** The page of a list to show: `page` (1-based, clamped to the pages there are) and the slice bounds. */
export function pageOf(total: number, size: number, requested: number | undefined) {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = requested && requested >= 1 ? Math.min(requested, pages) : 1;
  return { page, pages, from: (page - 1) * size, to: Math.min(page * size, total) };
}
