package dev.cinema.contracts.identity.user;

import java.util.UUID;

public record UserRegistered(UUID userId, String email, String passwordHash, String firstName, String lastName) {}
