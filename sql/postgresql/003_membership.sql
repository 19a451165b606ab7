-- Cluster membership, shaped like Orleans' OrleansMembershipVersionTable and OrleansMembershipTable
-- (src/AdoNet/Orleans.Clustering.AdoNet/PostgreSQL-Clustering.sql). Every row change also bumps the deployment's
-- version row in the same transaction, compare-and-swap on the version: a writer that lost a race changes nothing.
-- suspecttimes: '|'-separated "silo,timestamp" votes, as Orleans stores them.
CREATE TABLE IF NOT EXISTS recsys_membership_version
(
    deploymentid varchar(150) NOT NULL PRIMARY KEY,
    timestamp    timestamptz(3) NOT NULL DEFAULT now(),
    version      integer NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS recsys_membership
(
    deploymentid varchar(150) NOT NULL REFERENCES recsys_membership_version (deploymentid),
    address      varchar(45) NOT NULL,
    port         integer NOT NULL,
    generation   integer NOT NULL,
    siloname     varchar(150) NOT NULL,
    hostname     varchar(150) NOT NULL,
    status       integer NOT NULL,
    proxyport    integer NULL,
    suspecttimes varchar(8000) NULL,
    starttime    timestamptz(3) NOT NULL,
    iamalivetime timestamptz(3) NOT NULL,
    etag         integer NOT NULL DEFAULT 0,
    PRIMARY KEY (deploymentid, address, port, generation)
);
