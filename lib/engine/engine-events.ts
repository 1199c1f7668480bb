import type Database from "better-sqlite3";
import { sqliteTime } from "@/lib/sqlite";
import { statement } from "./statement";

/** Appends one event to the environment's history; always called inside the transaction that made the change. */
export function appendEvent(
  conn: Database.Database,
  e: {
    environmentId: string;
    type: string;
    message: string;
    data?: Record<string, unknown>;
    operationId?: string;
    stepKey?: string;
    actorId?: string | null;
    at: Date;
  },
): void {
  statement(conn, 
      `INSERT INTO environment_event (environmentId, type, message, data, actorId, operationId, stepKey, createdAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      e.environmentId,
      e.type,
      e.message,
      JSON.stringify(e.data ?? {}),
      e.actorId ?? null,
      e.operationId ?? null,
      e.stepKey ?? null,
      sqliteTime(e.at),
    );
}
