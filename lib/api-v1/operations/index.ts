import type { Operation } from "../define-operation";
import { accountOperations } from "./account-operations";
import { catalogOperations } from "./catalog-operations";
import { changeOperations } from "./change-operations";
import { dnsOperations } from "./dns-operations";
import { environmentNameOperations } from "./environment-name-operations";
import { environmentOperations } from "./environment-operations";
import { faultOperations } from "./fault-operations";
import { webhookOperations } from "./webhook-operations";

/** Every operation of /api/v1: the routes, the OpenAPI document and its reference page come from this list. */
export const operations: readonly Operation[] = [
  ...environmentOperations,
  ...environmentNameOperations,
  ...faultOperations,
  ...changeOperations,
  ...catalogOperations,
  ...accountOperations,
  ...webhookOperations,
  ...dnsOperations,
];
