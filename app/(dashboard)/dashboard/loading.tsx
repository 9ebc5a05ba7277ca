import { PageSkeleton } from "@/components/shell/page-skeleton";

export default function DashboardLoading() {
  return <PageSkeleton />;
}
