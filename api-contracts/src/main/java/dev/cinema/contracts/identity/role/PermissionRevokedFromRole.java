package dev.cinema.contracts.identity.role;

import java.util.UUID;

public record PermissionRevokedFromRole(UUID roleId, UUID permissionId) {}
