-- Up Migration
-- Written from the SimObject and SimObjectTombstone models of schema.prisma (as prisma migrate diff writes it):
-- each object row carries the simVersion that wrote it, and deletions leave a tombstone, so a process that
-- holds a cluster's state at version N reads only what changed after N (docs/simulation.md, "Incremental state").

-- AlterTable
ALTER TABLE "sim_object" ADD COLUMN "version" BIGINT NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "sim_object_tombstone" (
    "environmentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "version" BIGINT NOT NULL,

    CONSTRAINT "sim_object_tombstone_pkey" PRIMARY KEY ("environmentId","kind","namespace","name")
);

-- CreateIndex
CREATE INDEX "sim_object_environmentId_version_idx" ON "sim_object"("environmentId", "version");

-- CreateIndex
CREATE INDEX "sim_object_tombstone_environmentId_version_idx" ON "sim_object_tombstone"("environmentId", "version");

-- AddForeignKey
ALTER TABLE "sim_object_tombstone" ADD CONSTRAINT "sim_object_tombstone_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
