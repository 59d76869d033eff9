/** A password easy to read out or type: no 0/O, 1/l/I. Drawn in the browser with its CSPRNG. */
export function generatePassword(length = 14): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = new Uint32Array(length);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}

/** The domain's rule (lib/auth/team.ts PASSWORD_MIN), checked here first for a quick answer. */
export const PASSWORD_MIN = 10;
