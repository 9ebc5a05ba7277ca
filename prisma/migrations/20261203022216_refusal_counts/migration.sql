-- CreateTable
CREATE TABLE "RefusalCount" (
    "workspaceId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "modelKey" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "count" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "RefusalCount_pkey" PRIMARY KEY ("workspaceId","day","modelKey","code")
);
