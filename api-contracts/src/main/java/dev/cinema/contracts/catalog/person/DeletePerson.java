package dev.cinema.contracts.catalog.person;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Refused while films still credit the person (the refusal lists them). */
public record DeletePerson(@TargetAggregateIdentifier UUID personId, @TargetAggregateVersion Long expectedVersion) {}
