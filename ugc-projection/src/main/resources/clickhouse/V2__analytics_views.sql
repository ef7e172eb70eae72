-- Read models of user_events for the analytics endpoints, kept by materialised views (each view sees every block
-- inserted into user_events). Every one of them aggregates idempotently (max, argMax by (occurred_at, event_id)):
-- an event inserted twice -- a batch retried after ClickHouse failed, a client re-posting the same event_id --
-- leaves them unchanged, so they agree with a count of distinct events in the raw table. Rows of the same key
-- are merged in the background; queries GROUP BY the key, so they never depend on merges having happened.
-- No backfill: user_events was empty until these views existed (the ingest came with them).

-- Viewing, per film, UTC day and viewer: the furthest point reached that day (position / duration, at most 1).
-- Serves views (viewer-days), unique viewers, completions (>= 0.9) and average progress of any day range, and the
-- top films of a period.
CREATE TABLE IF NOT EXISTS film_viewer_days
(
    film_id      UUID,
    day          Date,
    user_id      UUID,
    max_progress SimpleAggregateFunction(max, Float64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (film_id, day, user_id);

CREATE MATERIALIZED VIEW IF NOT EXISTS film_viewer_days_mv TO film_viewer_days AS
SELECT film_id,
       toDate(occurred_at) AS day,
       user_id,
       max(least(assumeNotNull(position_s) / greatest(assumeNotNull(duration_s), 1), 1.0)) AS max_progress
FROM user_events
WHERE type = 'view_progress'
GROUP BY film_id, day, user_id;

-- Ratings: each user's latest score per film (a later rating replaces an earlier one).
CREATE TABLE IF NOT EXISTS film_ratings
(
    film_id UUID,
    user_id UUID,
    score   AggregateFunction(argMax, UInt8, Tuple(DateTime64(3, 'UTC'), UUID))
)
ENGINE = AggregatingMergeTree
ORDER BY (film_id, user_id);

CREATE MATERIALIZED VIEW IF NOT EXISTS film_ratings_mv TO film_ratings AS
SELECT film_id, user_id, argMaxState(assumeNotNull(score), (occurred_at, event_id)) AS score
FROM user_events
WHERE type = 'rating'
GROUP BY film_id, user_id;

-- Bookmarks: per user and film, whether the latest of bookmark_added / bookmark_removed was an addition, and when.
-- Keyed by user (the user's bookmark list); the bloom filter serves a film's bookmark count.
CREATE TABLE IF NOT EXISTS user_bookmarks
(
    user_id    UUID,
    film_id    UUID,
    bookmarked AggregateFunction(argMax, UInt8, Tuple(DateTime64(3, 'UTC'), UUID)),
    changed_at SimpleAggregateFunction(max, DateTime64(3, 'UTC')),
    INDEX film_id_bloom film_id TYPE bloom_filter GRANULARITY 4
)
ENGINE = AggregatingMergeTree
ORDER BY (user_id, film_id);

CREATE MATERIALIZED VIEW IF NOT EXISTS user_bookmarks_mv TO user_bookmarks AS
SELECT user_id,
       film_id,
       argMaxState(toUInt8(type = 'bookmark_added'), (occurred_at, event_id)) AS bookmarked,
       max(occurred_at) AS changed_at
FROM user_events
WHERE type IN ('bookmark_added', 'bookmark_removed')
GROUP BY user_id, film_id;

-- Viewing progress per user and film: the latest reported position (continue watching).
CREATE TABLE IF NOT EXISTS user_film_progress
(
    user_id    UUID,
    film_id    UUID,
    position_s AggregateFunction(argMax, UInt32, Tuple(DateTime64(3, 'UTC'), UUID)),
    duration_s AggregateFunction(argMax, UInt32, Tuple(DateTime64(3, 'UTC'), UUID)),
    updated_at SimpleAggregateFunction(max, DateTime64(3, 'UTC'))
)
ENGINE = AggregatingMergeTree
ORDER BY (user_id, film_id);

CREATE MATERIALIZED VIEW IF NOT EXISTS user_film_progress_mv TO user_film_progress AS
SELECT user_id,
       film_id,
       argMaxState(assumeNotNull(position_s), (occurred_at, event_id)) AS position_s,
       argMaxState(assumeNotNull(duration_s), (occurred_at, event_id)) AS duration_s,
       max(occurred_at) AS updated_at
FROM user_events
WHERE type = 'view_progress'
GROUP BY user_id, film_id;
