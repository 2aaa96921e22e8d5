-- Named queries read by the Orleans ADO.NET providers (persistence, clustering). Later scripts upsert their rows.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);
