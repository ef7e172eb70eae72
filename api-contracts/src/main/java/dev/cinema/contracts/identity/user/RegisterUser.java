package dev.cinema.contracts.identity.user;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens an account. The e-mail is unique (case-insensitive); the password hash is null for OAuth-only accounts. */
public record RegisterUser(@TargetAggregateIdentifier UUID userId, String email, String passwordHash,
                           String firstName, String lastName) {}
