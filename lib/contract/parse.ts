import type { z } from "zod";
import { validationError } from "./errors";

/** Parse with a zod schema or throw the domain's validation-error with field details. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error.issues);
  return result.data;
}
