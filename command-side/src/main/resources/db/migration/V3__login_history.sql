-- Every successful login, partitioned by month. Partitions for the current and the coming months are made here
-- and then ahead of time by the application (LoginHistoryPartitions, a scheduled job under a Redisson lock).
CREATE TABLE login_history (
    id           UUID         NOT NULL,
    user_id      UUID         NOT NULL,
    logged_in_at TIMESTAMPTZ  NOT NULL,
    method       VARCHAR(32)  NOT NULL,
    ip           VARCHAR(64),
    user_agent   TEXT,
    PRIMARY KEY (id, logged_in_at)
) PARTITION BY RANGE (logged_in_at);
CREATE INDEX login_history_user_idx ON login_history (user_id, logged_in_at DESC);

CREATE FUNCTION create_login_history_partition(month DATE) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
    first_day DATE := date_trunc('month', month)::DATE;
BEGIN
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF login_history FOR VALUES FROM (%L) TO (%L)',
                   'login_history_' || to_char(first_day, 'YYYY_MM'), first_day, (first_day + INTERVAL '1 month')::DATE);
END $$;

SELECT create_login_history_partition((date_trunc('month', now()) + make_interval(months => m))::DATE)
FROM generate_series(0, 2) AS m;
