"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { RadioCards } from "@/components/ui/radio-cards";
import { readApiError } from "@/lib/api-v1/read-api-error";
import type { AccountPlan } from "@/lib/catalog";
import { formatMoney } from "@/lib/format/format-money";

type Outcome = { ok: boolean; message: string } | null;

/** PUT /api/v1/account/plan, then a refresh so the header and the quotas show the new plan. */
export function ChangePlanForm({ plans, current }: { plans: readonly AccountPlan[]; current: string }) {
  const router = useRouter();
  const [plan, setPlan] = useState(current);
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setOutcome(null);
    try {
      const response = await fetch("/api/v1/account/plan", {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ plan }),
      });
      if (!response.ok) {
        setOutcome({ ok: false, message: await readApiError(response) });
        return;
      }
      const body = (await response.json()) as { message: string };
      setOutcome({ ok: true, message: body.message });
      router.refresh();
    } catch {
      setOutcome({ ok: false, message: "Could not reach Clusterport. Check your connection and try again." });
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
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
      {outcome ? <Alert tone={outcome.ok ? "success" : "danger"}>{outcome.message}</Alert> : null}
      <Button type="submit" loading={pending} disabled={plan === current}>
        Change plan
      </Button>
    </form>
  );
}
