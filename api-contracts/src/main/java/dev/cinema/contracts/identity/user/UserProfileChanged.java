package dev.cinema.contracts.identity.user;

import java.util.UUID;

public record UserProfileChanged(UUID userId, String firstName, String lastName) {}
