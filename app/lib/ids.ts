import { createHash, randomBytes, randomInt } from "node:crypto";

/** A random, unguessable id (128 bits). Random ids also keep row order from following time. */
export function newId(): string {
  return randomBytes(16).toString("base64url");
}

// No 0/O, 1/I/L: codes are read aloud, typed from paper and printed under QR codes.
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** A short code people can type: 10 characters ≈ 49 bits. */
export function newCode(length = 10): string {
  let code = "";
  for (let i = 0; i < length; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Normalises what a person typed ("abcd-efgh 23") into a code to look up. */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}
