-- one row per reading; the key makes a replayed record a no-op (INSERT ... ON CONFLICT DO NOTHING)
CREATE TABLE ${table} (
    asset_id       VARCHAR(256)     NOT NULL,
    parameter      VARCHAR(256)     NOT NULL,
    device_time    TIMESTAMPTZ      NOT NULL,
    gateway_time   TIMESTAMPTZ,
    time_source    VARCHAR(8)       NOT NULL,
    value          DOUBLE PRECISION NOT NULL,
    unit           VARCHAR(64),
    quality        VARCHAR(16)      NOT NULL,
    classification VARCHAR(16)      NOT NULL,
    metadata       TEXT,
    PRIMARY KEY (asset_id, parameter, device_time)
);
