-- one row per reading; the key makes a replayed record a no-op (MERGE ... WHEN NOT MATCHED THEN INSERT)
CREATE TABLE ${table} (
    asset_id       VARCHAR(256)             NOT NULL,
    parameter      VARCHAR(256)             NOT NULL,
    device_time    TIMESTAMP WITH TIME ZONE NOT NULL,
    gateway_time   TIMESTAMP WITH TIME ZONE,
    time_source    VARCHAR(8)               NOT NULL,
    "VALUE"        DOUBLE PRECISION         NOT NULL,
    unit           VARCHAR(64),
    quality        VARCHAR(16)              NOT NULL,
    classification VARCHAR(16)              NOT NULL,
    metadata       VARCHAR(100000),
    PRIMARY KEY (asset_id, parameter, device_time)
);
