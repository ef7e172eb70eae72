package dev.cinema.contracts.identity.user;

import java.util.UUID;

public record UserDeactivated(UUID userId) {}
