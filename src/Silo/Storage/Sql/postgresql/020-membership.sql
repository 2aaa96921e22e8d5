-- Cluster membership for AdoNetClusteringTable. membership_version holds the table version (the ETag every
-- membership change must compare-and-swap); membership_silo holds one row per silo incarnation.
-- Port, Generation, Status and ProxyPort are read with GetInt32, so they are integer (int4) and NOT NULL.
CREATE TABLE IF NOT EXISTS membership_version
(
    deployment_id text COLLATE "C" NOT NULL PRIMARY KEY,
    version       integer          NOT NULL DEFAULT 0,
    modified_at   timestamptz      NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS membership_silo
(
    deployment_id   text COLLATE "C" NOT NULL REFERENCES membership_version (deployment_id) ON DELETE CASCADE,
    address         text             NOT NULL,
    port            integer          NOT NULL,
    generation      integer          NOT NULL,
    silo_name       text             NOT NULL,
    host_name       text             NOT NULL,
    status          integer          NOT NULL,
    proxy_port      integer          NOT NULL DEFAULT 0,
    suspect_times   text,
    start_time      timestamptz      NOT NULL,
    i_am_alive_time timestamptz      NOT NULL,
    CONSTRAINT membership_silo_pk PRIMARY KEY (deployment_id, address, port, generation)
);

-- Insert and Update bump the table version only if it still equals @Version, and change the silo row only if
-- the bump happened, all in one statement. The row lock taken by the bump serializes competing silos.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('InsertMembershipVersionKey', $sql$
WITH inserted AS (
    INSERT INTO membership_version (deployment_id, version)
    VALUES (@DeploymentId, 0)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT count(*)::integer AS "Inserted" FROM inserted;
$sql$),
('MembershipReadAllKey', $sql$
SELECT v.version AS "Version",
       s.address AS "Address", s.port AS "Port", s.generation AS "Generation",
       s.silo_name AS "SiloName", s.host_name AS "HostName", s.status AS "Status", s.proxy_port AS "ProxyPort",
       s.suspect_times AS "SuspectTimes", s.start_time AS "StartTime", s.i_am_alive_time AS "IAmAliveTime"
FROM membership_version v
LEFT JOIN membership_silo s ON s.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId;
$sql$),
('MembershipReadRowKey', $sql$
SELECT v.version AS "Version",
       s.address AS "Address", s.port AS "Port", s.generation AS "Generation",
       s.silo_name AS "SiloName", s.host_name AS "HostName", s.status AS "Status", s.proxy_port AS "ProxyPort",
       s.suspect_times AS "SuspectTimes", s.start_time AS "StartTime", s.i_am_alive_time AS "IAmAliveTime"
FROM membership_version v
LEFT JOIN membership_silo s
       ON s.deployment_id = v.deployment_id
      AND s.address = @Address
      AND s.port = @Port
      AND s.generation = @Generation
WHERE v.deployment_id = @DeploymentId;
$sql$),
('InsertMembershipKey', $sql$
WITH bumped AS (
    UPDATE membership_version
    SET version = version + 1,
        modified_at = now()
    WHERE deployment_id = @DeploymentId
      AND version = @Version
      AND NOT EXISTS (SELECT 1 FROM membership_silo
                      WHERE deployment_id = @DeploymentId
                        AND address = @Address AND port = @Port AND generation = @Generation)
    RETURNING deployment_id
), inserted AS (
    INSERT INTO membership_silo (deployment_id, address, port, generation, silo_name, host_name, status,
                                 proxy_port, suspect_times, start_time, i_am_alive_time)
    SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
           @ProxyPort, NULL, @StartTime, @IAmAliveTime
    FROM bumped
    RETURNING 1
)
SELECT count(*)::integer AS "Inserted" FROM inserted;
$sql$),
('UpdateMembershipKey', $sql$
WITH bumped AS (
    UPDATE membership_version
    SET version = version + 1,
        modified_at = now()
    WHERE deployment_id = @DeploymentId
      AND version = @Version
      AND EXISTS (SELECT 1 FROM membership_silo
                  WHERE deployment_id = @DeploymentId
                    AND address = @Address AND port = @Port AND generation = @Generation)
    RETURNING deployment_id
), updated AS (
    UPDATE membership_silo s
    SET status = @Status,
        suspect_times = @SuspectTimes,
        i_am_alive_time = @IAmAliveTime
    FROM bumped b
    WHERE s.deployment_id = b.deployment_id
      AND s.address = @Address AND s.port = @Port AND s.generation = @Generation
    RETURNING 1
)
SELECT count(*)::integer AS "Updated" FROM updated;
$sql$),
('UpdateIAmAlivetimeKey', $sql$
UPDATE membership_silo
SET i_am_alive_time = @IAmAliveTime
WHERE deployment_id = @DeploymentId
  AND address = @Address AND port = @Port AND generation = @Generation;
$sql$),
('GatewaysQueryKey', $sql$
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
FROM membership_silo
WHERE deployment_id = @DeploymentId
  AND status = @Status
  AND proxy_port > 0;
$sql$),
('DeleteMembershipTableEntriesKey', $sql$
DELETE FROM membership_version WHERE deployment_id = @DeploymentId;
$sql$),
('CleanupDefunctSiloEntriesKey', $sql$
DELETE FROM membership_silo
WHERE deployment_id = @DeploymentId
  AND i_am_alive_time < @IAmAliveTime
  AND status <> 3;
$sql$),
-- Newer Orleans builds delete one dead silo at a time, and only if the row is unchanged since it was read.
('CleanupDefunctSiloEntryKey', $sql$
DELETE FROM membership_silo
WHERE deployment_id = @DeploymentId
  AND address = @Address AND port = @Port AND generation = @Generation
  AND status = 6
  AND start_time = @StartTime
  AND i_am_alive_time = @IAmAliveTime;
$sql$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText
WHERE OrleansQuery.QueryText IS DISTINCT FROM excluded.QueryText;
