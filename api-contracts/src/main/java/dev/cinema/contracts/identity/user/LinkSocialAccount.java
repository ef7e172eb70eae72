package dev.cinema.contracts.identity.user;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Lets the user log in through an OAuth provider whose account id is {@code subject}. */
public record LinkSocialAccount(@TargetAggregateIdentifier UUID userId, String provider, String subject) {}
