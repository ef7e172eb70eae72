package dev.cinema.contracts.identity.role;

import java.util.UUID;

public record PermissionGrantedToRole(UUID roleId, UUID permissionId) {}
