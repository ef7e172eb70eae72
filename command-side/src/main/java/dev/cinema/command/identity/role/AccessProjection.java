package dev.cinema.command.identity.role;

import dev.cinema.command.identity.IdentityProcessing;
import dev.cinema.contracts.identity.permission.PermissionChanged;
import dev.cinema.contracts.identity.permission.PermissionCreated;
import dev.cinema.contracts.identity.permission.PermissionDeleted;
import dev.cinema.contracts.identity.role.PermissionGrantedToRole;
import dev.cinema.contracts.identity.role.PermissionRevokedFromRole;
import dev.cinema.contracts.identity.role.RoleChanged;
import dev.cinema.contracts.identity.role.RoleCreated;
import dev.cinema.contracts.identity.role.RoleDeleted;
import dev.cinema.contracts.identity.user.UserRoleGranted;
import dev.cinema.contracts.identity.user.UserRoleRevoked;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Roles, permissions, and who has which: the tables that tokens and permission checks read. */
@Component
@ProcessingGroup(IdentityProcessing.GROUP)
class AccessProjection {

    private final JdbcClient jdbc;

    AccessProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RoleCreated event) {
        jdbc.sql("INSERT INTO identity_role (id, name, description) VALUES (?, ?, ?)")
                .params(event.roleId(), event.name(), event.description()).update();
    }

    @EventHandler
    void on(RoleChanged event) {
        jdbc.sql("UPDATE identity_role SET name = ?, description = ? WHERE id = ?")
                .params(event.name(), event.description(), event.roleId()).update();
    }

    /** The grants go with the role (ON DELETE CASCADE); the users stay. */
    @EventHandler
    void on(RoleDeleted event) {
        jdbc.sql("DELETE FROM identity_role WHERE id = ?").param(event.roleId()).update();
    }

    @EventHandler
    void on(PermissionCreated event) {
        jdbc.sql("INSERT INTO identity_permission (id, name, description) VALUES (?, ?, ?)")
                .params(event.permissionId(), event.name(), event.description()).update();
    }

    @EventHandler
    void on(PermissionChanged event) {
        jdbc.sql("UPDATE identity_permission SET name = ?, description = ? WHERE id = ?")
                .params(event.name(), event.description(), event.permissionId()).update();
    }

    @EventHandler
    void on(PermissionDeleted event) {
        jdbc.sql("DELETE FROM identity_permission WHERE id = ?").param(event.permissionId()).update();
    }

    @EventHandler
    void on(PermissionGrantedToRole event) {
        jdbc.sql("INSERT INTO identity_role_permission (role_id, permission_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(event.roleId(), event.permissionId()).update();
    }

    @EventHandler
    void on(PermissionRevokedFromRole event) {
        jdbc.sql("DELETE FROM identity_role_permission WHERE role_id = ? AND permission_id = ?")
                .params(event.roleId(), event.permissionId()).update();
    }

    @EventHandler
    void on(UserRoleGranted event) {
        jdbc.sql("INSERT INTO identity_user_role (user_id, role_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(event.userId(), event.roleId()).update();
    }

    @EventHandler
    void on(UserRoleRevoked event) {
        jdbc.sql("DELETE FROM identity_user_role WHERE user_id = ? AND role_id = ?")
                .params(event.userId(), event.roleId()).update();
    }
}
