-- The demo's API key has every scope (README): a demo made before the `data:export` scope
-- existed gets it too. The key is public and known, so it is found by its SHA-256 digest.
UPDATE "api_keys"
SET "scopes" = array_append("scopes", 'data:export')
WHERE "digest" = encode(sha256(convert_to('rdv_DEMO-public-key_Abidjan-Cocody-Plateau-2026', 'UTF8')), 'hex')
  AND NOT ('data:export' = ANY("scopes"));
