package dev.cinema.contracts.identity.user;

import java.util.UUID;

public record UserRoleRevoked(UUID userId, UUID roleId) {}
