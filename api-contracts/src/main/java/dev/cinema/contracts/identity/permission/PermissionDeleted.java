package dev.cinema.contracts.identity.permission;

import java.util.UUID;

public record PermissionDeleted(UUID permissionId) {}
