import type { FieldErrors } from "./field-errors";

export type NameRule = "subdomain" | "label" | "dns1035";

const rules: Record<NameRule, { pattern: RegExp; max: number; message: string }> = {
  subdomain: {
    pattern: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
    max: 253,
    message:
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
  },
  label: {
    pattern: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
    max: 63,
    message:
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
  },
  dns1035: {
    pattern: /^[a-z]([-a-z0-9]*[a-z0-9])?$/,
    max: 63,
    message:
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
  },
};

/** Records why `value` is not a valid name of this kind; true when it is one. */
export function checkName(errors: FieldErrors, field: string, value: unknown, rule: NameRule): boolean {
  if (typeof value !== "string" || value === "") {
    errors.required(field);
    return false;
  }
  const r = rules[rule];
  const before = errors.causes.length;
  if (value.length > r.max) errors.invalid(field, value, `must be no more than ${r.max} characters`);
  if (!r.pattern.test(value)) errors.invalid(field, value, r.message);
  return errors.causes.length === before;
}

const qualifiedName = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const labelValue = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** A label or annotation key: an optional DNS-subdomain prefix and a name of at most 63 characters. */
export function checkQualifiedKey(errors: FieldErrors, field: string, key: string): void {
  const slash = key.lastIndexOf("/");
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length > 253 || !rules.subdomain.pattern.test(prefix))) {
    errors.invalid(field, key, `prefix part ${rules.subdomain.message}`);
  }
  if (name.length === 0 || name.length > 63 || !qualifiedName.test(name)) {
    errors.invalid(
      field,
      key,
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    );
  }
}

export function checkLabelValue(errors: FieldErrors, field: string, value: unknown): void {
  if (typeof value !== "string") {
    errors.invalid(field, value, "a label value must be a string");
    return;
  }
  if (value.length > 63) errors.invalid(field, value, "must be no more than 63 characters");
  if (!labelValue.test(value)) {
    errors.invalid(
      field,
      value,
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    );
  }
}
