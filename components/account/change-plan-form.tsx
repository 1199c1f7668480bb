"use client";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { RadioCards } from "@/components/ui/radio-cards";
import { changePlan, type ChangePlanState } from "@/lib/actions/change-plan";
import type { AccountPlan } from "@/lib/catalog";
import { formatMoney } from "@/lib/format/format-money";

export function ChangePlanForm({ plans, current }: { plans: readonly AccountPlan[]; current: string }) {
  const [state, action, pending] = useActionState<ChangePlanState, FormData>(changePlan, null);
  const [plan, setPlan] = useState(current);
  return (
    <form action={action} className="space-y-4">
      <p id="plan-choice-label" className="text-sm font-medium">
        Plan
      </p>
      <RadioCards
        name="plan"
        aria-labelledby="plan-choice-label"
        value={plan}
        onValueChange={setPlan}
        columns={3}
        options={plans.map((p) => ({
          value: p.id,
          label: p.name,
          description: `${p.summary} ${p.monthlyFee === 0 ? "Free." : `${formatMoney(p.monthlyFee)} per month.`}`,
        }))}
      />
      <p className="text-xs text-slate-500">Billing is simulated: the change applies at once and nothing is charged.</p>
      {state ? <Alert tone={state.ok ? "success" : "danger"}>{state.message}</Alert> : null}
      <Button type="submit" loading={pending} disabled={plan === current}>
        Change plan
      </Button>
    </form>
  );
}
