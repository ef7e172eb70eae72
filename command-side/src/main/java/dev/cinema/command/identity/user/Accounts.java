package dev.cinema.command.identity.user;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads of the accounts lookup. */
@Service
public class Accounts {

    /** The password policy: at least this many characters (for every way a password is set). */
    public static final int MIN_PASSWORD = 8;

    public record Account(UUID id, String email, String passwordHash, String firstName, String lastName,
                          boolean active, boolean superuser) {}

    private static final String COLUMNS = "id, email, password_hash, first_name, last_name, active, superuser";

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Account> byEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM identity_user WHERE lower(email) = lower(?)")
                .param(email.strip()).query(Account.class).optional();
    }

    public Optional<Account> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM identity_user WHERE id = ?").param(id).query(Account.class).optional();
    }

    /** One page of accounts whose e-mail or name contains {@code text} (all when blank), by e-mail, with the total. */
    public record Page(List<Account> accounts, long total) {}

    public Page search(String text, int pageNumber, int pageSize) {
        String where = " WHERE ? = '' OR email ILIKE ? ESCAPE '\\' OR first_name ILIKE ? ESCAPE '\\'"
                + " OR last_name ILIKE ? ESCAPE '\\'";
        String needle = text == null ? "" : text.strip();
        String pattern = "%" + needle.replaceAll("[\\\\%_]", "\\\\$0") + "%";
        List<Account> accounts = jdbc.sql("SELECT " + COLUMNS + " FROM identity_user" + where
                        + " ORDER BY lower(email), id LIMIT ? OFFSET ?")
                .params(needle, pattern, pattern, pattern, pageSize, (long) (pageNumber - 1) * pageSize)
                .query(Account.class).list();
        long total = jdbc.sql("SELECT count(*) FROM identity_user" + where)
                .params(needle, pattern, pattern, pattern).query(Long.class).single();
        return new Page(accounts, total);
    }

    public Optional<UUID> bySocialAccount(String provider, String subject) {
        return jdbc.sql("SELECT user_id FROM identity_social_account WHERE provider = ? AND subject = ?")
                .params(provider.toLowerCase(Locale.ROOT), subject).query(UUID.class).optional();
    }
}
