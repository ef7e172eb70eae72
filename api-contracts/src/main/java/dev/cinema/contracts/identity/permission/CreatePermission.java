package dev.cinema.contracts.identity.permission;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreatePermission(@TargetAggregateIdentifier UUID permissionId, String name, String description) {}
