import { apiRoute } from "@/lib/api/api-route";
import { getKubeconfig } from "@/lib/data/get-kubeconfig";

export const GET = apiRoute<{ name: string }>(async ({ user, params, audit }) => {
  const { fileName, yaml } = await getKubeconfig(user.id, params.name, audit);
  return new Response(yaml, {
    headers: {
      "Content-Type": "application/yaml; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
});
