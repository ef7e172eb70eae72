-- query-side's own Axon tables, in schema query_side (Flyway's default schema here; first on the app's
-- search path). The event store (domain_event_entry, ...) is in schema public and belongs to command-side.
-- Columns as Hibernate maps Axon 4.13's TokenEntry and DeadLetterEntry with AxonPostgresDialect
-- (@Lob byte[] as bytea), so that every streaming processor's position is readable in SQL.

CREATE TABLE token_entry (
    processor_name varchar(255) NOT NULL,
    segment        integer      NOT NULL,
    token          bytea,
    token_type     varchar(255),
    timestamp      varchar(255) NOT NULL,
    owner          varchar(255),
    PRIMARY KEY (processor_name, segment)
);

CREATE TABLE dead_letter_entry (
    dead_letter_id       varchar(255)                NOT NULL,
    processing_group     varchar(255)                NOT NULL,
    sequence_identifier  varchar(255)                NOT NULL,
    sequence_index       bigint                      NOT NULL,
    -- the dead-lettered event (DeadLetterEventEntry, embedded)
    message_type         varchar(255)                NOT NULL,
    event_identifier     varchar(255)                NOT NULL,
    time_stamp           varchar(255)                NOT NULL,
    payload_type         varchar(255)                NOT NULL,
    payload_revision     varchar(255),
    payload              bytea                       NOT NULL,
    meta_data            bytea,
    type                 varchar(255),
    aggregate_identifier varchar(255),
    sequence_number      bigint,
    token_type           varchar(255),
    token                bytea,
    -- the dead letter's own state
    enqueued_at          timestamp(6) with time zone NOT NULL,
    last_touched         timestamp(6) with time zone,
    processing_started   timestamp(6) with time zone,
    cause_type           varchar(255),
    cause_message        varchar(1023),
    diagnostics          bytea,
    PRIMARY KEY (dead_letter_id),
    CONSTRAINT dead_letter_entry_sequence_uk UNIQUE (processing_group, sequence_identifier, sequence_index)
);

CREATE INDEX dead_letter_entry_group_idx ON dead_letter_entry (processing_group);
CREATE INDEX dead_letter_entry_group_sequence_idx ON dead_letter_entry (processing_group, sequence_identifier);
