export { openApi } from "./open-api";
export { openApiV3Document, openApiV3Index } from "./openapi-v3";
export { validateObject, type FieldValidation, type ObjectValidation } from "./validate-object";
