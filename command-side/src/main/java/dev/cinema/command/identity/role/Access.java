package dev.cinema.command.identity.role;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/** Reads of the access tables: a user's roles (for tokens) and permission checks. */
@Service
public class Access {

    public static final String ADMIN_ROLE = "admin";

    record Entry(UUID id, String name, String description) {}

    private final JdbcClient jdbc;

    Access(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The names of the user's roles, as tokens carry them. */
    public List<String> roleNamesOf(UUID userId) {
        return jdbc.sql("""
                        SELECT r.name FROM identity_user_role ur JOIN identity_role r ON r.id = ur.role_id
                        WHERE ur.user_id = ? ORDER BY r.name""")
                .param(userId).query(String.class).list();
    }

    /** A superuser has every permission; anyone else through one of their roles. */
    boolean isGranted(UUID userId, String permission) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM identity_user WHERE id = :user AND superuser)
                            OR EXISTS (SELECT 1 FROM identity_user_role ur
                                       JOIN identity_role_permission rp ON rp.role_id = ur.role_id
                                       JOIN identity_permission p ON p.id = rp.permission_id
                                       WHERE ur.user_id = :user AND lower(p.name) = lower(:permission))""")
                .param("user", userId).param("permission", permission)
                .query(Boolean.class).single();
    }

    public Optional<UUID> roleIdByName(String name) {
        return jdbc.sql("SELECT id FROM identity_role WHERE lower(name) = lower(?)").param(name)
                .query(UUID.class).optional();
    }

    List<Entry> roles() {
        return jdbc.sql("SELECT id, name, description FROM identity_role ORDER BY lower(name)").query(Entry.class).list();
    }

    List<Entry> permissions() {
        return jdbc.sql("SELECT id, name, description FROM identity_permission ORDER BY lower(name)").query(Entry.class).list();
    }

    List<Entry> permissionsOf(UUID roleId) {
        return jdbc.sql("""
                        SELECT p.id, p.name, p.description FROM identity_role_permission rp
                        JOIN identity_permission p ON p.id = rp.permission_id WHERE rp.role_id = ? ORDER BY lower(p.name)""")
                .param(roleId).query(Entry.class).list();
    }

    /** Roles and permissions are addressed by id or by name in paths. */
    Entry role(String idOrName) {
        return find("identity_role", idOrName).orElseThrow(() -> notFound("role", idOrName));
    }

    Entry permission(String idOrName) {
        return find("identity_permission", idOrName).orElseThrow(() -> notFound("permission", idOrName));
    }

    private Optional<Entry> find(String table, String idOrName) {
        Optional<UUID> id = parseUuid(idOrName);
        return id.isPresent()
                ? jdbc.sql("SELECT id, name, description FROM " + table + " WHERE id = ?").param(id.get())
                        .query(Entry.class).optional()
                : jdbc.sql("SELECT id, name, description FROM " + table + " WHERE lower(name) = lower(?)")
                        .param(idOrName).query(Entry.class).optional();
    }

    private static Optional<UUID> parseUuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private static ResponseStatusException notFound(String kind, String idOrName) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No " + kind + " " + idOrName);
    }
}
