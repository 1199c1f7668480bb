-- AlterTable
ALTER TABLE "environment_event" ADD COLUMN "operationId" TEXT;
ALTER TABLE "environment_event" ADD COLUMN "stepKey" TEXT;

-- CreateTable
CREATE TABLE "operation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "environmentId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "actorId" TEXT,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "operation_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "environment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "step" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "operationId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "node" TEXT,
    "dependsOn" TEXT NOT NULL,
    "dependents" TEXT NOT NULL,
    "pendingDeps" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL,
    "estimatedMs" INTEGER NOT NULL,
    "availableAt" DATETIME NOT NULL,
    "leaseOwner" TEXT,
    "leaseExpiresAt" DATETIME,
    "startedAt" DATETIME,
    "attemptStartedAt" DATETIME,
    "finishedAt" DATETIME,
    "output" TEXT,
    "error" TEXT,
    CONSTRAINT "step_operationId_fkey" FOREIGN KEY ("operationId") REFERENCES "operation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "log_line" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "environmentId" TEXT NOT NULL,
    "operationId" TEXT NOT NULL,
    "stepKey" TEXT,
    "node" TEXT,
    "level" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    CONSTRAINT "log_line_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "environment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "environment_secret" (
    "environmentId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "ciphertext" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,

    PRIMARY KEY ("environmentId", "name"),
    CONSTRAINT "environment_secret_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "environment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "sim_machine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "environmentId" TEXT NOT NULL,
    "nodeId" TEXT NOT NULL,
    "nodeGroup" TEXT NOT NULL,
    "hostname" TEXT NOT NULL,
    "privateIp" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "facts" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "sim_machine_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "environment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "sim_object" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "environmentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "namespace" TEXT NOT NULL DEFAULT '',
    "name" TEXT NOT NULL,
    "spec" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "sim_object_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "environment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_environment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "settings" TEXT NOT NULL,
    "plan" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "regionClaim" TEXT,
    "ownerClaim" TEXT,
    "faults" TEXT NOT NULL DEFAULT '{}',
    "results" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "environment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_environment" ("createdAt", "displayName", "domain", "id", "name", "ownerClaim", "plan", "region", "regionClaim", "requestId", "settings", "status", "updatedAt", "userId") SELECT "createdAt", "displayName", "domain", "id", "name", "ownerClaim", "plan", "region", "regionClaim", "requestId", "settings", "status", "updatedAt", "userId" FROM "environment";
DROP TABLE "environment";
ALTER TABLE "new_environment" RENAME TO "environment";
CREATE UNIQUE INDEX "environment_regionClaim_key" ON "environment"("regionClaim");
CREATE UNIQUE INDEX "environment_ownerClaim_key" ON "environment"("ownerClaim");
CREATE INDEX "environment_userId_createdAt_idx" ON "environment"("userId", "createdAt");
CREATE UNIQUE INDEX "environment_userId_requestId_key" ON "environment"("userId", "requestId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "operation_environmentId_createdAt_idx" ON "operation"("environmentId", "createdAt");

-- CreateIndex
CREATE INDEX "operation_status_idx" ON "operation"("status");

-- CreateIndex
CREATE INDEX "step_status_pendingDeps_availableAt_idx" ON "step"("status", "pendingDeps", "availableAt");

-- CreateIndex
CREATE INDEX "step_status_leaseExpiresAt_idx" ON "step"("status", "leaseExpiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "step_operationId_key_key" ON "step"("operationId", "key");

-- CreateIndex
CREATE INDEX "log_line_environmentId_id_idx" ON "log_line"("environmentId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "sim_machine_environmentId_nodeId_key" ON "sim_machine"("environmentId", "nodeId");

-- CreateIndex
CREATE UNIQUE INDEX "sim_object_environmentId_kind_namespace_name_key" ON "sim_object"("environmentId", "kind", "namespace", "name");

