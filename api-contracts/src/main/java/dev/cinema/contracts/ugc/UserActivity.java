package dev.cinema.contracts.ugc;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A user-activity event as published on the UGC Kafka topic (key = user id) and projected into ClickHouse.
 * On the wire each is an Axon event message (the Axon Kafka extension's format): the value a JSON object with
 * snake_case fields, the class in the {@code axon-message-type} header.
 * {@code eventId} is the idempotency key: a redelivered or re-posted event has the same id and counts once.
 */
public sealed interface UserActivity permits ViewProgressed, RatingGiven, BookmarkAdded, BookmarkRemoved {

    /** The wire name of each type, as clients post it. */
    Map<String, Class<? extends UserActivity>> TYPES = Map.of(
            ViewProgressed.TYPE, ViewProgressed.class,
            RatingGiven.TYPE, RatingGiven.class,
            BookmarkAdded.TYPE, BookmarkAdded.class,
            BookmarkRemoved.TYPE, BookmarkRemoved.class);

    UUID eventId();

    UUID userId();

    UUID filmId();

    /** When it happened, by the client's clock. */
    Instant occurredAt();

    /** The wire name: {@code view_progress}, {@code rating}, {@code bookmark_added}, {@code bookmark_removed}. */
    String type();
}
