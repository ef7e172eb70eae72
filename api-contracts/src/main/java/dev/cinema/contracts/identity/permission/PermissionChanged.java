package dev.cinema.contracts.identity.permission;

import java.util.UUID;

public record PermissionChanged(UUID permissionId, String name, String description) {}
