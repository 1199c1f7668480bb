"use client";
import { createAuthClient } from "better-auth/react";

/** Browser side of better-auth; same origin as the app, so no base URL is needed. */
export const authClient = createAuthClient();
