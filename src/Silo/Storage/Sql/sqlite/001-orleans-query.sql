-- Named queries read by the Orleans ADO.NET persistence provider. Later scripts upsert their rows.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);
