import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import type { SecretStore } from "./step-context";

/** An environment's encrypted secrets as loaded for one step, and what the step changed. */
export type SecretState = {
  ciphertexts: Map<string, string>;
  loaded: Set<string>;
  written: Set<string>;
  deleted: Set<string>;
};

export function createSecretState(rows: readonly { name: string; ciphertext: string }[]): SecretState {
  return {
    ciphertexts: new Map(rows.map((r) => [r.name, r.ciphertext])),
    loaded: new Set(rows.map((r) => r.name)),
    written: new Set(),
    deleted: new Set(),
  };
}

/** After its changes were committed: what the state holds is what the database holds. */
export function markSecretsSaved(state: SecretState): void {
  state.loaded = new Set(state.ciphertexts.keys());
  state.written.clear();
  state.deleted.clear();
}

/** The handler's view: values are encrypted when put and decrypted only when read (AES-256-GCM, secret-box.ts). */
export function createSecretStore(state: SecretState, key: string): SecretStore {
  const remove = (name: string) => {
    state.ciphertexts.delete(name);
    state.written.delete(name);
    if (state.loaded.has(name)) state.deleted.add(name);
  };
  return {
    put(name, value) {
      state.ciphertexts.set(name, encryptSecret(value, key));
      state.written.add(name);
      state.deleted.delete(name);
    },
    get(name) {
      const ciphertext = state.ciphertexts.get(name);
      return ciphertext === undefined ? undefined : decryptSecret(ciphertext, key);
    },
    delete: remove,
    deleteAll() {
      const names = [...state.ciphertexts.keys()].sort();
      for (const name of names) remove(name);
      return names;
    },
  };
}
