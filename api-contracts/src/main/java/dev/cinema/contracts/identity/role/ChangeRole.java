package dev.cinema.contracts.identity.role;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeRole(@TargetAggregateIdentifier UUID roleId, String name, String description) {}
