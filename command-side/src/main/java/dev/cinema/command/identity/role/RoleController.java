package dev.cinema.command.identity.role;

import dev.cinema.contracts.identity.permission.ChangePermission;
import dev.cinema.contracts.identity.permission.CreatePermission;
import dev.cinema.contracts.identity.permission.DeletePermission;
import dev.cinema.contracts.identity.role.ChangeRole;
import dev.cinema.contracts.identity.role.CreateRole;
import dev.cinema.contracts.identity.role.DeleteRole;
import dev.cinema.contracts.identity.role.GrantPermissionToRole;
import dev.cinema.contracts.identity.role.RevokePermissionFromRole;
import dev.cinema.contracts.identity.user.GrantUserRole;
import dev.cinema.contracts.identity.user.RevokeUserRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Roles, permissions and their grants (admin only, see SecurityConfig), and the permission check any user
 * may make about themselves. Roles and permissions are addressed by id or by name.
 */
@RestController
@RequestMapping("/auth/api/v1")
@Tag(name = "Roles and permissions")
class RoleController {

    private final CommandGateway commands;
    private final Access access;

    RoleController(CommandGateway commands, Access access) {
        this.commands = commands;
        this.access = access;
    }

    record NamedRequest(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[\\p{L}\\p{N}_.:-]+", message = "letters, digits and _ . : - only")
            String name,
            @Size(max = 1000) String description) {}

    record RoleView(UUID id, String name, String description, List<Access.Entry> permissions) {}

    @PostMapping("/roles")
    @Operation(summary = "Create a role")
    ResponseEntity<Access.Entry> createRole(@Valid @RequestBody NamedRequest request) {
        UUID id = UUID.randomUUID();
        commands.sendAndWait(new CreateRole(id, request.name(), request.description()));
        return ResponseEntity.created(URI.create("/auth/api/v1/roles/" + id)).body(access.role(id.toString()));
    }

    @GetMapping("/roles")
    List<Access.Entry> roles() {
        return access.roles();
    }

    @GetMapping("/roles/{role}")
    RoleView role(@PathVariable String role) {
        Access.Entry entry = access.role(role);
        return new RoleView(entry.id(), entry.name(), entry.description(), access.permissionsOf(entry.id()));
    }

    @PutMapping("/roles/{role}")
    @Operation(summary = "Rename a role or change its description")
    Access.Entry changeRole(@PathVariable String role, @Valid @RequestBody NamedRequest request) {
        UUID id = access.role(role).id();
        commands.sendAndWait(new ChangeRole(id, request.name(), request.description()));
        return access.role(id.toString());
    }

    @DeleteMapping("/roles/{role}")
    @Operation(summary = "Delete a role", description = "Users who had it lose the role and keep their accounts")
    ResponseEntity<Void> deleteRole(@PathVariable String role) {
        commands.sendAndWait(new DeleteRole(access.role(role).id()));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/roles/{role}/permissions/{permission}")
    @Operation(summary = "Grant a permission to a role")
    ResponseEntity<Void> grantPermission(@PathVariable String role, @PathVariable String permission) {
        commands.sendAndWait(new GrantPermissionToRole(access.role(role).id(), access.permission(permission).id()));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/roles/{role}/permissions/{permission}")
    @Operation(summary = "Withdraw a permission from a role")
    ResponseEntity<Void> revokePermission(@PathVariable String role, @PathVariable String permission) {
        commands.sendAndWait(new RevokePermissionFromRole(access.role(role).id(), access.permission(permission).id()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/permissions")
    @Operation(summary = "Create a permission")
    ResponseEntity<Access.Entry> createPermission(@Valid @RequestBody NamedRequest request) {
        UUID id = UUID.randomUUID();
        commands.sendAndWait(new CreatePermission(id, request.name(), request.description()));
        return ResponseEntity.created(URI.create("/auth/api/v1/permissions/" + id)).body(access.permission(id.toString()));
    }

    @GetMapping("/permissions")
    List<Access.Entry> permissions() {
        return access.permissions();
    }

    @GetMapping("/permissions/{permission}")
    Access.Entry permission(@PathVariable String permission) {
        return access.permission(permission);
    }

    @PutMapping("/permissions/{permission}")
    Access.Entry changePermission(@PathVariable String permission, @Valid @RequestBody NamedRequest request) {
        UUID id = access.permission(permission).id();
        commands.sendAndWait(new ChangePermission(id, request.name(), request.description()));
        return access.permission(id.toString());
    }

    @DeleteMapping("/permissions/{permission}")
    @Operation(summary = "Delete a permission", description = "It is withdrawn from every role")
    ResponseEntity<Void> deletePermission(@PathVariable String permission) {
        commands.sendAndWait(new DeletePermission(access.permission(permission).id()));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/users/{userId}/roles")
    List<String> rolesOf(@PathVariable UUID userId) {
        return access.roleNamesOf(userId);
    }

    @PutMapping("/users/{userId}/roles/{role}")
    @Operation(summary = "Grant a role to a user", description = "Takes effect in the user's next token")
    ResponseEntity<Void> grantRole(@PathVariable UUID userId, @PathVariable String role) {
        commands.sendAndWait(new GrantUserRole(userId, access.role(role).id()));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/users/{userId}/roles/{role}")
    @Operation(summary = "Revoke a role from a user")
    ResponseEntity<Void> revokeRole(@PathVariable UUID userId, @PathVariable String role) {
        commands.sendAndWait(new RevokeUserRole(userId, access.role(role).id()));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/users/me/permissions/{permission}")
    @Operation(summary = "Whether the current user has a permission (through a role, or as superuser)")
    Map<String, Object> check(@AuthenticationPrincipal Jwt token, @PathVariable String permission) {
        return Map.of("permission", permission,
                "granted", access.isGranted(UUID.fromString(token.getSubject()), permission));
    }
}
