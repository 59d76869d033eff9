// The client book's URL state: one set of parsers for the server page and the client view.
import { createSearchParamsCache, parseAsString } from "nuqs/server";

export const customersParsers = { q: parseAsString.withDefault(""), cursor: parseAsString };
export const customersCache = createSearchParamsCache(customersParsers);

/** A customer's page: `cursor` pages through their older appointments. */
export const customerParsers = { cursor: parseAsString };
export const customerCache = createSearchParamsCache(customerParsers);
