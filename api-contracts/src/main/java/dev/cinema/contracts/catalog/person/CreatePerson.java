package dev.cinema.contracts.catalog.person;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreatePerson(@TargetAggregateIdentifier UUID personId, String fullName) {}
