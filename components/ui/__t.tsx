import { RadioCards } from "./radio-cards";
import { fieldAria } from "./field-aria";
export const x = <RadioCards {...fieldAria("env", { required: true, error: "x" })} aria-labelledby="env-label" value="" onValueChange={() => {}} options={[]} />;
