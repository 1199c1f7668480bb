import { CircleCheck, CircleX, Info, TriangleAlert, type LucideIcon } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

export type AlertTone = "info" | "success" | "warning" | "danger";

export type AlertProps = Omit<ComponentProps<"div">, "title" | "role"> & {
  tone?: AlertTone;
  title?: ReactNode;
  /** Optional trailing slot (e.g. a retry button). */
  action?: ReactNode;
};

const TONES: Record<AlertTone, { box: string; icon: string; Icon: LucideIcon; role: "status" | "alert" }> = {
  info: { box: "border-blue-200 bg-blue-50 text-blue-900", icon: "text-blue-600", Icon: Info, role: "status" },
  success: {
    box: "border-emerald-200 bg-emerald-50 text-emerald-900",
    icon: "text-emerald-600",
    Icon: CircleCheck,
    role: "status",
  },
  warning: {
    box: "border-amber-200 bg-amber-50 text-amber-900",
    icon: "text-amber-600",
    Icon: TriangleAlert,
    role: "alert",
  },
  danger: { box: "border-red-200 bg-red-50 text-red-900", icon: "text-red-600", Icon: CircleX, role: "alert" },
};

/** Inline message box. role="status" for info/success, role="alert" for warning/danger. */
export function Alert({ tone = "info", title, action, className, children, ...rest }: AlertProps) {
  const { box, icon, Icon, role } = TONES[tone];
  return (
    <div
      role={role}
      className={cn("flex items-start gap-2.5 rounded-md border px-3 py-2.5 text-sm", box, className)}
      {...rest}
    >
      <Icon aria-hidden="true" className={cn("mt-0.5 size-4 shrink-0", icon)} />
      <div className="flex min-w-0 flex-1 flex-col gap-0.5">
        {title ? <p className="font-semibold">{title}</p> : null}
        {children !== undefined && children !== null ? (
          <div className="leading-5 [&_a]:underline">{children}</div>
        ) : null}
      </div>
      {action ? <div className="shrink-0">{action}</div> : null}
    </div>
  );
}
