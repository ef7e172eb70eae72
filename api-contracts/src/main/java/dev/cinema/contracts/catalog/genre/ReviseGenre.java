package dev.cinema.contracts.catalog.genre;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Brings a genre to exactly this state (PUT, PATCH, the importer), creating it when it does not exist yet.
 * Emits only the fine-grained events for what differs, and nothing when nothing differs.
 *
 * @param expectedVersion the version the client saw (If-Match), or null to skip the check
 */
public record ReviseGenre(
        @TargetAggregateIdentifier UUID genreId, String name, String description,
        @TargetAggregateVersion Long expectedVersion) {}
