/** The audit log's actions in words, and the families the filter offers. */
export const auditActionLabels: Record<string, string> = {
  "sign-in": "Signed in",
  "sign-in.failed": "Sign-in failed",
  "token.create": "Created an API token",
  "token.revoke": "Revoked an API token",
  "plan.change": "Changed the plan",
  "environment.install": "Installed a cluster",
  "environment.change": "Changed a cluster",
  "environment.retry": "Retried an operation",
  "environment.cancel": "Cancelled an install",
  "environment.delete": "Deleted a cluster",
  "environment.rollback": "Rolled back a change",
  "credentials.reveal": "Revealed credentials",
  "kubeconfig.download": "Downloaded a kubeconfig",
  "webhook.create": "Added a webhook endpoint",
  "webhook.update": "Changed a webhook endpoint",
  "webhook.delete": "Deleted a webhook endpoint",
  "webhook.redeliver": "Redelivered a webhook",
  "webhook.disable": "Disabled a failing webhook endpoint",
};

export const auditActionFilters = [
  { value: "all", label: "All actions" },
  { value: "sign-in", label: "Sign-ins" },
  { value: "sign-in.failed", label: "Failed sign-ins" },
  { value: "token.", label: "API tokens" },
  { value: "environment.", label: "Clusters" },
  { value: "credentials.reveal", label: "Credential reveals" },
  { value: "kubeconfig.download", label: "Kubeconfig downloads" },
  { value: "plan.change", label: "Plan changes" },
  { value: "webhook.", label: "Webhooks" },
];
