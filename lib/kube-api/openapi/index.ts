export { openApi } from "./open-api";
export { validateObject, type FieldValidation, type ObjectValidation } from "./validate-object";
