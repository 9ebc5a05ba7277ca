export { formatCount, formatDate, formatDateTime } from "@/lib/utils/format";

export const PAGE_SIZE = 25;

/** `?page=` as a positive integer; anything else is page 1. */
export function parsePage(raw: string | undefined) {
  const page = Number.parseInt(raw ?? "", 10);
  return Number.isFinite(page) && page > 0 ? page : 1;
}
