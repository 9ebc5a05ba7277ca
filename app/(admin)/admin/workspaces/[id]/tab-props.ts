import type { getWorkspaceDetail } from "@/lib/admin/workspaces";

export type WorkspaceDetail = NonNullable<Awaited<ReturnType<typeof getWorkspaceDetail>>>;

/** What every tab gets: the workspace, the requested page of its table, and the page's path. */
export type TabProps = { ws: WorkspaceDetail; page: number; basePath: string };

export const sectionHeading = "text-lg font-semibold leading-tight";
