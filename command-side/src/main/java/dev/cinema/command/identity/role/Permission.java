package dev.cinema.command.identity.role;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import dev.cinema.contracts.identity.permission.ChangePermission;
import dev.cinema.contracts.identity.permission.CreatePermission;
import dev.cinema.contracts.identity.permission.DeletePermission;
import dev.cinema.contracts.identity.permission.PermissionChanged;
import dev.cinema.contracts.identity.permission.PermissionCreated;
import dev.cinema.contracts.identity.permission.PermissionDeleted;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

@Aggregate
class Permission {

    @AggregateIdentifier
    private UUID permissionId;

    protected Permission() {
        // Axon rebuilds the aggregate from its events.
    }

    @CommandHandler
    Permission(CreatePermission command) {
        apply(new PermissionCreated(command.permissionId(), command.name().strip(), command.description()));
    }

    @CommandHandler
    void handle(ChangePermission command) {
        apply(new PermissionChanged(permissionId, command.name().strip(), command.description()));
    }

    @CommandHandler
    void handle(DeletePermission command) {
        apply(new PermissionDeleted(permissionId));
    }

    @EventSourcingHandler
    void on(PermissionCreated event) {
        permissionId = event.permissionId();
    }

    @EventSourcingHandler
    void on(PermissionDeleted event) {
        markDeleted();
    }
}
