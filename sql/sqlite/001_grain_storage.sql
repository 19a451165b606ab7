-- Grain state; the same columns and rules as sql/postgresql/001_grain_storage.sql, which documents them:
-- graintypestring = GrainId.Type + '.' + stateName, and the key decomposition into grainidn0 / grainidn1 /
-- grainidextensionstring (long -> n1; Guid "N" with a non-zero first half -> n0/n1; anything else -> extension).
-- payloadjson holds the JSON text (NULL after a clear); modifiedon is ISO-8601 UTC text.
CREATE TABLE IF NOT EXISTS recsys_grain_storage
(
    grainidhash            INTEGER NOT NULL,
    grainidn0              INTEGER NOT NULL,
    grainidn1              INTEGER NOT NULL,
    graintypehash          INTEGER NOT NULL,
    graintypestring        TEXT    NOT NULL,
    grainidextensionstring TEXT    NULL,
    serviceid              TEXT    NOT NULL,
    payloadjson            TEXT    NULL,
    modifiedon             TEXT    NOT NULL,
    version                INTEGER NOT NULL
);

-- Identity is unique so that racing first inserts are resolved by the database.
CREATE UNIQUE INDEX IF NOT EXISTS ux_recsys_grain_storage_identity
    ON recsys_grain_storage (serviceid, graintypestring, grainidn0, grainidn1, coalesce(grainidextensionstring, ''));
