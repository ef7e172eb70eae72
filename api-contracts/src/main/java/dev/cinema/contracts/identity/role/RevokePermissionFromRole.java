package dev.cinema.contracts.identity.role;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevokePermissionFromRole(@TargetAggregateIdentifier UUID roleId, UUID permissionId) {}
