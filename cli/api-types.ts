import type { catalogue } from "@/lib/api-v1/operations/catalog-operations";
import type {
  account,
  changeAccepted,
  environmentDetail,
  environmentListItem,
  environmentStatus,
  logLine,
  operationAccepted,
} from "@/lib/api-v1/schemas";
import type { z } from "@/lib/validations/zod";

/** The API's answers, typed from the schemas its OpenAPI document is made of. */
export type Account = z.infer<typeof account>;
export type Catalog = z.infer<typeof catalogue>;
export type ChangeAccepted = z.infer<typeof changeAccepted>;
export type EnvironmentListItem = z.infer<typeof environmentListItem>;
export type EnvironmentDetail = z.infer<typeof environmentDetail>;
export type EnvironmentStatus = z.infer<typeof environmentStatus>;
export type LogLine = z.infer<typeof logLine>;
export type OperationAccepted = z.infer<typeof operationAccepted>;
export type Page<T> = { items: T[]; nextCursor: string | null };
