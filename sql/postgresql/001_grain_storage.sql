-- Grain state, shaped like Orleans' OrleansStorage (ADO.NET persistence), one row per (service, grain, state).
--
-- Identity of a row: serviceid + graintypestring + grainidn0 + grainidn1 + grainidextensionstring.
--   graintypestring        = GrainId.Type + '.' + stateName (the state name is part of the type string;
--                            state names may not contain '.', so the split is unambiguous).
--   Key decomposition of GrainId.Key (canonical forms only, so that the mapping is one-to-one):
--     a long in invariant decimal      -> grainidn0 = 0, grainidn1 = the long, extension NULL;
--     a Guid in "N" form (32 lowercase hex digits) whose first half is not zero
--                                      -> grainidn0 = first 16 hex digits, grainidn1 = last 16, as signed
--                                         64-bit values, extension NULL;
--     anything else (including Guids whose first half is zero, which would collide with longs)
--                                      -> grainidn0 = grainidn1 = 0, grainidextensionstring = the key.
--   The empty key is refused: coalesce(extension, '') could not tell it from the long 0.
-- grainidhash / graintypehash narrow lookups the way Orleans' do; the unique index below does the real work.
-- payloadjson is NULL after a clear; version (the ETag) keeps advancing on every write and clear.
CREATE TABLE IF NOT EXISTS recsys_grain_storage
(
    grainidhash            integer      NOT NULL,
    grainidn0              bigint       NOT NULL,
    grainidn1              bigint       NOT NULL,
    graintypehash          integer      NOT NULL,
    graintypestring        varchar(512) NOT NULL,
    grainidextensionstring varchar(512) NULL,
    serviceid              varchar(150) NOT NULL,
    payloadjson            jsonb        NULL,
    modifiedon             timestamptz  NOT NULL,
    version                integer      NOT NULL
);

-- Unlike Orleans (which only has a non-unique hash index), identity is unique, so two activations racing to
-- insert the first row are resolved by the database: exactly one INSERT succeeds.
CREATE UNIQUE INDEX IF NOT EXISTS ux_recsys_grain_storage_identity
    ON recsys_grain_storage (serviceid, graintypestring, grainidn0, grainidn1, (coalesce(grainidextensionstring, '')));
