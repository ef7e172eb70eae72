package dev.cinema.command.identity.superuser;

import dev.cinema.command.identity.role.Access;
import dev.cinema.command.identity.user.Accounts;
import dev.cinema.contracts.identity.role.CreateRole;
import dev.cinema.contracts.identity.user.ChangeUserPassword;
import dev.cinema.contracts.identity.user.GrantUserRole;
import dev.cinema.contracts.identity.user.MakeSuperuser;
import dev.cinema.contracts.identity.user.RegisterUser;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Creates a superuser, or promotes an existing account, through the same commands as the REST API. */
@Service
public class Superusers {

    private final CommandGateway commands;
    private final Accounts accounts;
    private final Access access;
    private final PasswordEncoder passwords;

    Superusers(CommandGateway commands, Accounts accounts, Access access, PasswordEncoder passwords) {
        this.commands = commands;
        this.accounts = accounts;
        this.access = access;
        this.passwords = passwords;
    }

    /**
     * Makes {@code email} a superuser with role {@code admin} and the given password (also for an existing
     * account, so that the operator knows the password afterwards). Safe to run again.
     */
    public UUID createOrPromote(String email, String password) {
        if (email == null || !email.contains("@")) {
            throw new IllegalArgumentException("EMAIL must be an e-mail address");
        }
        if (password == null || password.length() < Accounts.MIN_PASSWORD) {
            throw new IllegalArgumentException("PASSWORD must have at least " + Accounts.MIN_PASSWORD + " characters");
        }
        String hash = passwords.encode(password);
        UUID userId = accounts.byEmail(email).map(Accounts.Account::id).orElse(null);
        if (userId == null) {
            userId = UUID.randomUUID();
            commands.sendAndWait(new RegisterUser(userId, email, hash, null, null));
        } else {
            commands.sendAndWait(new ChangeUserPassword(userId, hash));
        }
        commands.sendAndWait(new GrantUserRole(userId, adminRole()));
        commands.sendAndWait(new MakeSuperuser(userId));
        return userId;
    }

    private UUID adminRole() {
        return access.roleIdByName(Access.ADMIN_ROLE).orElseGet(() -> {
            try {
                UUID roleId = UUID.randomUUID();
                commands.sendAndWait(new CreateRole(roleId, Access.ADMIN_ROLE, "Manages the catalogue, users and roles"));
                return roleId;
            } catch (DataIntegrityViolationException createdConcurrently) {
                return access.roleIdByName(Access.ADMIN_ROLE).orElseThrow(() -> createdConcurrently);
            }
        });
    }
}
