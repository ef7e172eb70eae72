-- Raw user-activity events as accepted by POST /ugc/api/v1/events, one row per event.
-- event_id is the idempotency key: a redelivered event has the same sorting key (every key column is a fact of
-- the event), so ReplacingMergeTree collapses the copies at merge time (read with FINAL or GROUP BY event_id
-- where exact counts matter).
-- Sorting key: type first (a handful of values), then film and user: serves "ratings/progress of film F",
-- "progress of user U on film F"; the bloom filter serves "everything of user U".
CREATE TABLE IF NOT EXISTS user_events
(
    event_id    UUID,
    type        LowCardinality(String) COMMENT 'view_progress, rating, bookmark, ...',
    user_id     UUID,
    film_id     UUID COMMENT 'nil UUID when the event is not about a film',
    occurred_at DateTime64(3, 'UTC') COMMENT 'when it happened, by the client',
    position_s  Nullable(UInt32) COMMENT 'playback position, seconds',
    duration_s  Nullable(UInt32) COMMENT 'length of the film, seconds',
    score       Nullable(UInt8) COMMENT 'rating 0..10',
    received_at DateTime64(3, 'UTC') DEFAULT now64(3) COMMENT 'when the ingest API accepted it',
    INDEX user_id_bloom user_id TYPE bloom_filter GRANULARITY 4
)
ENGINE = ReplacingMergeTree(received_at)
PARTITION BY toYYYYMM(occurred_at)
ORDER BY (type, film_id, user_id, occurred_at, event_id);
