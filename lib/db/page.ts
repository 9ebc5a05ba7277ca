/** The rows of page `page` (from 1) when pages hold `pageSize`: Prisma's `skip` and `take`. */
export function pageWindow({ page, pageSize }: { page: number; pageSize: number }) {
  return { skip: (page - 1) * pageSize, take: pageSize };
}
