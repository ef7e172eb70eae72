package dev.cinema.command.identity.superuser;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code make superuser EMAIL=… PASSWORD=…}: the jar run once with {@code --cinema.cli=superuser} and no web
 * server (infra/bin/superuser.sh). The password comes from the environment, not the command line, so that it
 * does not show in the process list.
 */
@Component
@ConditionalOnProperty(name = "cinema.cli", havingValue = "superuser")
class SuperuserCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SuperuserCommand.class);

    private final Superusers superusers;
    private final String email;
    private final String password;

    SuperuserCommand(Superusers superusers,
                     @Value("${cinema.superuser.email:}") String email,
                     @Value("${cinema.superuser.password:}") String password) {
        this.superusers = superusers;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        UUID userId = superusers.createOrPromote(email, password);
        log.info("Superuser {} ({}) is ready: role admin, superuser flag set", email, userId);
    }
}
