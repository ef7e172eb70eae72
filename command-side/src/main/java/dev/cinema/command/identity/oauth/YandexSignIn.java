package dev.cinema.command.identity.oauth;

import dev.cinema.command.identity.token.Tokens;
import dev.cinema.command.identity.user.Accounts;
import dev.cinema.command.identity.user.SignIn;
import dev.cinema.contracts.identity.user.LinkSocialAccount;
import dev.cinema.contracts.identity.user.RegisterUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * A confirmed Yandex profile becomes one of our users: the one already linked to it, else the one with its
 * e-mail address (then linked), else a new account without a password (then linked).
 */
@Service
class YandexSignIn {

    static final String PROVIDER = "yandex";

    private final Accounts accounts;
    private final CommandGateway commands;
    private final SignIn signIn;

    YandexSignIn(Accounts accounts, CommandGateway commands, SignIn signIn) {
        this.accounts = accounts;
        this.commands = commands;
        this.signIn = signIn;
    }

    Tokens.Issued signIn(YandexClient.Profile profile, HttpServletRequest request) {
        UUID userId = accounts.bySocialAccount(PROVIDER, profile.subject())
                .orElseGet(() -> link(profile));
        if (accounts.byId(userId).map(account -> !account.active()).orElse(true)) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "The account is deactivated");
        }
        return signIn.signIn(userId, PROVIDER, request);
    }

    private UUID link(YandexClient.Profile profile) {
        UUID userId = accounts.byEmail(profile.email()).map(Accounts.Account::id).orElseGet(() -> {
            UUID newUser = UUID.randomUUID();
            commands.sendAndWait(new RegisterUser(newUser, profile.email(), null, profile.firstName(), profile.lastName()));
            return newUser;
        });
        commands.sendAndWait(new LinkSocialAccount(userId, PROVIDER, profile.subject()));
        return userId;
    }
}
