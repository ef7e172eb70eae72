package dev.cinema.command.identity.role;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import dev.cinema.contracts.identity.role.ChangeRole;
import dev.cinema.contracts.identity.role.CreateRole;
import dev.cinema.contracts.identity.role.DeleteRole;
import dev.cinema.contracts.identity.role.GrantPermissionToRole;
import dev.cinema.contracts.identity.role.PermissionGrantedToRole;
import dev.cinema.contracts.identity.role.PermissionRevokedFromRole;
import dev.cinema.contracts.identity.role.RevokePermissionFromRole;
import dev.cinema.contracts.identity.role.RoleChanged;
import dev.cinema.contracts.identity.role.RoleCreated;
import dev.cinema.contracts.identity.role.RoleDeleted;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

@Aggregate
class Role {

    @AggregateIdentifier
    private UUID roleId;
    private final Set<UUID> permissions = new HashSet<>();

    protected Role() {
        // Axon rebuilds the aggregate from its events.
    }

    @CommandHandler
    Role(CreateRole command) {
        apply(new RoleCreated(command.roleId(), command.name().strip(), command.description()));
    }

    @CommandHandler
    void handle(ChangeRole command) {
        apply(new RoleChanged(roleId, command.name().strip(), command.description()));
    }

    @CommandHandler
    void handle(GrantPermissionToRole command) {
        // Granting twice is a no-op, so a client may retry.
        if (!permissions.contains(command.permissionId())) {
            apply(new PermissionGrantedToRole(roleId, command.permissionId()));
        }
    }

    @CommandHandler
    void handle(RevokePermissionFromRole command) {
        if (permissions.contains(command.permissionId())) {
            apply(new PermissionRevokedFromRole(roleId, command.permissionId()));
        }
    }

    @CommandHandler
    void handle(DeleteRole command) {
        apply(new RoleDeleted(roleId));
    }

    @EventSourcingHandler
    void on(RoleCreated event) {
        roleId = event.roleId();
    }

    @EventSourcingHandler
    void on(PermissionGrantedToRole event) {
        permissions.add(event.permissionId());
    }

    @EventSourcingHandler
    void on(PermissionRevokedFromRole event) {
        permissions.remove(event.permissionId());
    }

    @EventSourcingHandler
    void on(RoleDeleted event) {
        markDeleted();
    }
}
