"use client";

import { type ErrorBoundaryProps, ErrorPage } from "@/components/shell/error-page";

export default function DashboardError(props: ErrorBoundaryProps) {
  return <ErrorPage {...props} home={{ href: "/dashboard", label: "Back to the overview" }} />;
}
