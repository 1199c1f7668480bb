-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_sign_in_throttle" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "failures" INTEGER NOT NULL,
    "lastFailureAt" DATETIME NOT NULL,
    "blockedUntil" DATETIME
);
-- Throttle state is disposable: the old per-e-mail rows (a different key) are dropped, not converted.
DROP TABLE "sign_in_throttle";
ALTER TABLE "new_sign_in_throttle" RENAME TO "sign_in_throttle";
CREATE INDEX "sign_in_throttle_lastFailureAt_idx" ON "sign_in_throttle"("lastFailureAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

