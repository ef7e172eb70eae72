package dev.cinema.contracts.identity.role;

import java.util.UUID;

public record RoleDeleted(UUID roleId) {}
