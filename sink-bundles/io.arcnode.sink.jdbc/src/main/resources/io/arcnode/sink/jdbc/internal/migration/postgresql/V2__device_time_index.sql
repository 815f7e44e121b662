-- queries over a time range across assets (dashboards); a hypertable keeps it on every chunk
CREATE INDEX ${table}_device_time_idx ON ${table} (device_time DESC);
