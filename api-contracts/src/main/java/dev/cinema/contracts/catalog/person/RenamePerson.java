package dev.cinema.contracts.catalog.person;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RenamePerson(
        @TargetAggregateIdentifier UUID personId, String fullName, @TargetAggregateVersion Long expectedVersion) {}
