import { createContext } from "react";

/**
 * What server.ts gives every loader, action and the document render (Remix's load context).
 * Optional: a route action called directly (unit of a test) has none.
 */
export type RequestContext = {
  /** The nonce of this response's Content-Security-Policy, for Remix's inline scripts. */
  nonce?: string;
  /** The client's address, for the sign-in throttle only (never stored, never logged). */
  clientIp?: string;
};

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends RequestContext {}
}

/** The nonce, handed from entry.server to the document's <Scripts>; empty in the browser. */
export const NonceContext = createContext<string | undefined>(undefined);
