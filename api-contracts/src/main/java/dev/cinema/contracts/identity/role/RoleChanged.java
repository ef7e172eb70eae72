package dev.cinema.contracts.identity.role;

import java.util.UUID;

public record RoleChanged(UUID roleId, String name, String description) {}
