// Answers that the server cannot give now: while it drains (SIGTERM), new calls get 503 and
// their connection closed; a call that waits too long (pool exhausted, database stalled) gets
// 503 after REQUEST_TIMEOUT_MS (10 s) instead of hanging. Both with Retry-After.
import type { MiddlewareHandler } from "hono";
import { AppError } from "@/lib/contract/errors";
import { isDraining } from "../../lifecycle";
import type { ApiEnv } from "../env";

const TIMEOUT_MS = Number(process.env.REQUEST_TIMEOUT_MS ?? 10_000);

export const availability: MiddlewareHandler<ApiEnv> = async (c, next) => {
  if (isDraining()) {
    c.header("Connection", "close");
    throw new AppError("service-unavailable", "Le serveur s'arrête, réessayez dans quelques secondes (un autre serveur répondra)");
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new AppError("service-unavailable", "La requête a attendu trop longtemps la base de données, réessayez dans quelques secondes")),
      TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([next(), deadline]);
  } finally {
    clearTimeout(timer);
  }
};
