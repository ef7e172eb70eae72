package dev.cinema.contracts.identity.role;

import java.util.UUID;

public record RoleCreated(UUID roleId, String name, String description) {}
