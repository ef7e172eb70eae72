package dev.cinema.contracts.catalog.person;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Brings a person to exactly this state (PUT, PATCH, the importer), creating the person when missing.
 * Emits nothing when nothing differs.
 */
public record RevisePerson(
        @TargetAggregateIdentifier UUID personId, String fullName, @TargetAggregateVersion Long expectedVersion) {}
