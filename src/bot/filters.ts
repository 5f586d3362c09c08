import type { User } from "../db/types.js";
import type { Context } from "./context.js";

/**
 * The update has a person behind it, identified by loadUser (every update from a human has one): features narrow
 * with `.filter(hasUser)` once instead of checking `ctx.user` in every handler. Whether that person may do what
 * they ask is still checked by the service on each call.
 */
export const hasUser = <C extends Context>(ctx: C): ctx is C & { user: User } => ctx.user !== undefined;

/** A context that passed `hasUser`, for helpers of the handlers behind it. */
export type UserContext = Context & { user: User };
