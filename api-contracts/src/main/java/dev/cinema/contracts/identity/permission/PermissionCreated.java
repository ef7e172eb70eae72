package dev.cinema.contracts.identity.permission;

import java.util.UUID;

public record PermissionCreated(UUID permissionId, String name, String description) {}
