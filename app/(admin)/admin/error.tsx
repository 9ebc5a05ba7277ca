"use client";

import { type ErrorBoundaryProps, ErrorPage } from "@/components/shell/error-page";

export default function AdminError(props: ErrorBoundaryProps) {
  return <ErrorPage {...props} home={{ href: "/admin", label: "Back to the console overview" }} />;
}
