export { formatCount, formatDate, formatDateTime } from "@/lib/utils/format";

export { parsePage } from "@/components/ui/pagination";

export const PAGE_SIZE = 25;
