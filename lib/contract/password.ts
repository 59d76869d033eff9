// The password rule, shared by the domain (which enforces it) and the forms (which say it
// first, before a round trip).
import { z } from "zod";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
export const PASSWORD_TOO_SHORT = `${PASSWORD_MIN} caractères au moins`;

/** A new password: what a member is given or chooses. */
export const newPassword = z.string().min(PASSWORD_MIN, PASSWORD_TOO_SHORT).max(PASSWORD_MAX);
