package dev.cinema.contracts.identity.user;

import java.util.UUID;

public record UserRoleGranted(UUID userId, UUID roleId) {}
