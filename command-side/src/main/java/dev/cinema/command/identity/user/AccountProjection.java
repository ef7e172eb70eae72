package dev.cinema.command.identity.user;

import dev.cinema.command.identity.IdentityProcessing;
import dev.cinema.contracts.identity.user.SocialAccountLinked;
import dev.cinema.contracts.identity.user.UserDeactivated;
import dev.cinema.contracts.identity.user.UserMadeSuperuser;
import dev.cinema.contracts.identity.user.UserPasswordChanged;
import dev.cinema.contracts.identity.user.UserProfileChanged;
import dev.cinema.contracts.identity.user.UserRegistered;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The accounts lookup: login by e-mail, uniqueness of e-mails and of linked social accounts. */
@Component
@ProcessingGroup(IdentityProcessing.GROUP)
class AccountProjection {

    private final JdbcClient jdbc;

    AccountProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UserRegistered event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO identity_user (id, email, password_hash, first_name, last_name, registered_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(event.userId(), event.email(), event.passwordHash(), event.firstName(), event.lastName(),
                        at.atOffset(ZoneOffset.UTC))
                .update();
    }

    @EventHandler
    void on(UserProfileChanged event) {
        jdbc.sql("UPDATE identity_user SET first_name = ?, last_name = ? WHERE id = ?")
                .params(event.firstName(), event.lastName(), event.userId()).update();
    }

    @EventHandler
    void on(UserPasswordChanged event) {
        jdbc.sql("UPDATE identity_user SET password_hash = ? WHERE id = ?")
                .params(event.passwordHash(), event.userId()).update();
    }

    @EventHandler
    void on(UserDeactivated event) {
        jdbc.sql("UPDATE identity_user SET active = FALSE WHERE id = ?").param(event.userId()).update();
    }

    @EventHandler
    void on(UserMadeSuperuser event) {
        jdbc.sql("UPDATE identity_user SET superuser = TRUE WHERE id = ?").param(event.userId()).update();
    }

    @EventHandler
    void on(SocialAccountLinked event) {
        jdbc.sql("INSERT INTO identity_social_account (provider, subject, user_id) VALUES (?, ?, ?)")
                .params(event.provider().toLowerCase(Locale.ROOT), event.subject(), event.userId()).update();
    }
}
