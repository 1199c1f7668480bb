import type http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { createCertificateAuthority, issueServingCertificate } from "@/lib/tls/certificate-authority";
import type { TestCluster } from "./test-cluster";

/**
 * A test cluster's Kubernetes API behind a real HTTPS server, as clients meet it after `npm start`: a CA made for
 * the test signs the server's certificate for 127.0.0.1, and clients verify it (kubectl sends its token only over
 * verified TLS; `@kubernetes/client-node` refuses plain http). `server` is what a kubeconfig names.
 */
export async function serveOverHttps(
  cluster: TestCluster,
): Promise<{ server: string; caPem: string; close: () => Promise<void> }> {
  const ca = createCertificateAuthority();
  const serving = issueServingCertificate(ca, ["127.0.0.1"]);
  const answer = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    const path = (req.url ?? "/").replace(`/k8s/clusters/${cluster.clusterId}`, "");
    const reply = await cluster.send(req.method ?? "GET", path, {
      headers,
      ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
    });
    res.writeHead(reply.status, Object.fromEntries(reply.headers));
    res.end(Buffer.from(await reply.arrayBuffer()));
  };
  const listener = https.createServer(
    { key: serving.privateKey, cert: serving.certificate },
    (req, res) => void answer(req, res),
  );
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  return {
    server: `https://127.0.0.1:${(listener.address() as AddressInfo).port}/k8s/clusters/${cluster.clusterId}`,
    caPem: ca.certificate,
    close: () => new Promise<void>((resolve) => listener.close(() => resolve())),
  };
}
