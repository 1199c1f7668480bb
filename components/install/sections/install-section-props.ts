import type { UseFormReturn } from "react-hook-form";
import type { InstallSettings } from "@/lib/validations/install-settings";

/** What every section of the install dialog receives: the form, its error lookup by path, and the plan lock. */
export type InstallSectionProps = {
  form: UseFormReturn<InstallSettings>;
  err: (path: string) => string | undefined;
  locked: boolean;
};
