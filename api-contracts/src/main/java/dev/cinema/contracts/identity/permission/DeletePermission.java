package dev.cinema.contracts.identity.permission;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes the permission and withdraws it from every role that had it. */
public record DeletePermission(@TargetAggregateIdentifier UUID permissionId) {}
