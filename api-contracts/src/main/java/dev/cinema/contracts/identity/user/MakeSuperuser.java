package dev.cinema.contracts.identity.user;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record MakeSuperuser(@TargetAggregateIdentifier UUID userId) {}
