import { PageSkeleton } from "@/components/shell/page-skeleton";

export default function AdminLoading() {
  return <PageSkeleton className="max-w-6xl" />;
}
