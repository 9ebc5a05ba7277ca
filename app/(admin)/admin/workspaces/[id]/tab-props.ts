import type { getWorkspaceDetail } from "@/lib/admin/workspaces";

export type WorkspaceDetail = NonNullable<Awaited<ReturnType<typeof getWorkspaceDetail>>>;

/** What every tab gets: the workspace, the requested page of its table, and where its pager links go. */
export type TabProps = {
  ws: WorkspaceDetail;
  page: number;
  pager: { basePath: string; params: { tab: string } };
  /** What the viewing admin's role may change here (the actions check it again). */
  may: { credits: boolean; workspaces: boolean };
};

export const sectionHeading = "text-lg font-semibold leading-tight";
