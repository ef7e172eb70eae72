package dev.cinema.command.identity.user;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.cinema.contracts.identity.user.ChangeUserPassword;
import dev.cinema.contracts.identity.user.ChangeUserProfile;
import dev.cinema.contracts.identity.user.DeactivateUser;
import dev.cinema.contracts.identity.user.GrantUserRole;
import dev.cinema.contracts.identity.user.LinkSocialAccount;
import dev.cinema.contracts.identity.user.MakeSuperuser;
import dev.cinema.contracts.identity.user.RegisterUser;
import dev.cinema.contracts.identity.user.RevokeUserRole;
import dev.cinema.contracts.identity.user.SocialAccountLinked;
import dev.cinema.contracts.identity.user.UserDeactivated;
import dev.cinema.contracts.identity.user.UserMadeSuperuser;
import dev.cinema.contracts.identity.user.UserPasswordChanged;
import dev.cinema.contracts.identity.user.UserProfileChanged;
import dev.cinema.contracts.identity.user.UserRegistered;
import dev.cinema.contracts.identity.user.UserRoleGranted;
import dev.cinema.contracts.identity.user.UserRoleRevoked;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A user account. E-mail uniqueness spans all users, so it is guarded by the lookup table's unique index
 * (written in the same transaction), not here; everything about one account is decided here.
 */
@Aggregate
class User {

    @AggregateIdentifier
    private UUID userId;
    private boolean active;
    private boolean superuser;
    private final Set<UUID> roles = new HashSet<>();
    private final Set<String> socialAccounts = new HashSet<>();

    protected User() {
        // Axon rebuilds the aggregate from its events.
    }

    @CommandHandler
    User(RegisterUser command) {
        apply(new UserRegistered(command.userId(), command.email().strip(), command.passwordHash(),
                command.firstName(), command.lastName()));
    }

    @CommandHandler
    void handle(ChangeUserProfile command) {
        requireActive();
        apply(new UserProfileChanged(userId, command.firstName(), command.lastName()));
    }

    @CommandHandler
    void handle(ChangeUserPassword command) {
        requireActive();
        apply(new UserPasswordChanged(userId, command.passwordHash()));
    }

    @CommandHandler
    void handle(DeactivateUser command) {
        if (active) {
            apply(new UserDeactivated(userId));
        }
    }

    @CommandHandler
    void handle(GrantUserRole command) {
        // Granting twice is a no-op, so a client (or the superuser command) may retry.
        if (!roles.contains(command.roleId())) {
            apply(new UserRoleGranted(userId, command.roleId()));
        }
    }

    @CommandHandler
    void handle(RevokeUserRole command) {
        if (roles.contains(command.roleId())) {
            apply(new UserRoleRevoked(userId, command.roleId()));
        }
    }

    @CommandHandler
    void handle(LinkSocialAccount command) {
        requireActive();
        if (!socialAccounts.contains(socialKey(command.provider(), command.subject()))) {
            apply(new SocialAccountLinked(userId, command.provider(), command.subject()));
        }
    }

    @CommandHandler
    void handle(MakeSuperuser command) {
        if (!superuser) {
            apply(new UserMadeSuperuser(userId));
        }
    }

    private void requireActive() {
        if (!active) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "The account is deactivated");
        }
    }

    private static String socialKey(String provider, String subject) {
        return provider.toLowerCase(Locale.ROOT) + ":" + subject;
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        userId = event.userId();
        active = true;
    }

    @EventSourcingHandler
    void on(UserDeactivated event) {
        active = false;
    }

    @EventSourcingHandler
    void on(UserRoleGranted event) {
        roles.add(event.roleId());
    }

    @EventSourcingHandler
    void on(UserRoleRevoked event) {
        roles.remove(event.roleId());
    }

    @EventSourcingHandler
    void on(SocialAccountLinked event) {
        socialAccounts.add(socialKey(event.provider(), event.subject()));
    }

    @EventSourcingHandler
    void on(UserMadeSuperuser event) {
        superuser = true;
    }
}
