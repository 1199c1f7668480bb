/**
 * What the cluster API reads of a request body, checked before any parser or recursive code sees it
 * (docs/kubernetes-api.md, "Limits"). Each bound keeps one request's work, memory and stack small, so that
 * no body, however hostile, can stall or crash the process that serves every other tenant.
 */

/** The API server's limit on a request body (kube-apiserver's 3 MiB). */
export const bodyLimit = 3 * 1024 * 1024;

/**
 * How deep objects and lists may nest in a body, a patch, or what a patch makes. kube-apiserver refuses JSON
 * nested deeper than 10,000 levels; this API walks objects with recursive code, so it stops far sooner — a
 * Kubernetes object nests about 20 levels (a Deployment's node affinity is the deepest), so 100 refuses no
 * real object.
 */
export const maxNestingDepth = 100;

/**
 * How many objects and lists one JSON body (or patch) may hold. JSON.parse takes about half a second for a
 * million `{}` on a busy 2-core machine, before any check could run on the result; a Kubernetes object holds
 * a few hundred (a ConfigMap's 100,000 keys are one object), a JSON patch one per operation (10,000 at most).
 */
export const maxJsonCollections = 100_000;

/**
 * How many values (messages, strings and byte strings) one protobuf body may hold: a ConfigMap of 50,000 keys
 * holds 100,000 strings; a 3 MiB body of tiny entries could hold over a million, a second's work to decode.
 */
export const maxProtobufValues = 200_000;

/**
 * How many lexical tokens (scalars, indicators, spaces and line breaks) a YAML body may hold. YAML takes some
 * 5–8 µs a token to read on a 2-core machine — a 3 MiB YAML body would hold the process for half a minute —
 * so YAML is read up to some 100 KiB of a manifest (about 200 ms); kubectl sends JSON, which is read up to
 * the full 3 MiB.
 */
export const maxYamlTokens = 40_000;
