import { Button } from "@/components/ui/button";
import type { SimpleChange } from "./use-simple-change";

/** A card's Remove button: the change's dialog, as a confirmation in red; named after the dialog. */
export function RemoveButton({
  change,
  disabled,
  open,
}: {
  change: Omit<SimpleChange, "tone">;
  disabled: boolean;
  open(change: SimpleChange): void;
}) {
  return (
    <Button
      variant="secondary"
      size="sm"
      disabled={disabled}
      aria-label={change.title}
      onClick={() => open({ ...change, tone: "danger" })}
    >
      Remove
    </Button>
  );
}
