package dev.cinema.contracts.identity.user;

import java.util.UUID;

public record UserPasswordChanged(UUID userId, String passwordHash) {}
