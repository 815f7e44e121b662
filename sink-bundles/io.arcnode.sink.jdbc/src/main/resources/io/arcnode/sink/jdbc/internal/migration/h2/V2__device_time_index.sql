-- queries over a time range across assets (dashboards)
CREATE INDEX ${table}_device_time_idx ON ${table} (device_time DESC);
