-- Durable reminders, shaped like Orleans' OrleansRemindersTable.
--   grainid   = GrainId text form "type/key".
--   period    = milliseconds; starttime is kept at millisecond precision.
--   grainhash = GrainId.GetUniformHashCode() (a uint) XOR 0x80000000, reinterpreted as a signed integer. Flipping
--               the sign bit maps unsigned order onto signed order, so ring-range reads compare the column
--               directly and can use the index.
--   version   = the ETag; it advances on every upsert.
CREATE TABLE IF NOT EXISTS recsys_reminders
(
    serviceid    varchar(150)  NOT NULL,
    grainid      varchar(1024) NOT NULL,
    remindername varchar(150)  NOT NULL,
    starttime    timestamptz   NOT NULL,
    period       bigint        NOT NULL,
    grainhash    integer       NOT NULL,
    version      integer       NOT NULL,
    CONSTRAINT pk_recsys_reminders PRIMARY KEY (serviceid, grainid, remindername)
);

CREATE INDEX IF NOT EXISTS ix_recsys_reminders_range ON recsys_reminders (serviceid, grainhash);
