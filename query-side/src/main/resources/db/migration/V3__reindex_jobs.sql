-- Reindex jobs (see dev.cinema.query.catalog.reindex): an event replay into new index versions, then an alias swap.
-- A job's row is its state, so a job outlives the instance running it: another instance, or this one restarted,
-- resumes a RUNNING job from the replay processor's tokens (token_entry, processor catalog-reindex).

CREATE TABLE reindex_job (
    id               uuid                     PRIMARY KEY,
    -- RUNNING until the swap (COMPLETED), a cancel (CANCELLED) or a failure (FAILED); never back to RUNNING
    state            varchar(16)              NOT NULL,
    -- the indices rebuilt (films, persons, genres) and the version built for each, in the same order
    indices          text[]                   NOT NULL,
    versions         integer[]                NOT NULL,
    -- the new indices, the replay's lookup tables and its tokens exist (set up once, by whichever runner starts it)
    prepared         boolean                  NOT NULL DEFAULT false,
    cancel_requested boolean                  NOT NULL DEFAULT false,
    -- progress, as the runner last measured it: global positions replayed out of the event store's
    processed        bigint                   NOT NULL DEFAULT 0,
    total            bigint                   NOT NULL DEFAULT 0,
    events_per_second double precision,
    error            text,
    created_at       timestamp with time zone NOT NULL DEFAULT now(),
    updated_at       timestamp with time zone NOT NULL DEFAULT now(),
    finished_at      timestamp with time zone
);

-- At most one job runs at a time, across instances: a second request fails on this index (409).
CREATE UNIQUE INDEX reindex_job_one_running ON reindex_job ((true)) WHERE state = 'RUNNING';
CREATE INDEX reindex_job_created_idx ON reindex_job (created_at DESC);
