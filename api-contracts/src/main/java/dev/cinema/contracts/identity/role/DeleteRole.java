package dev.cinema.contracts.identity.role;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes the role; users who had it keep their accounts and lose only the role. */
public record DeleteRole(@TargetAggregateIdentifier UUID roleId) {}
