package dev.cinema.command.identity.user;

import dev.cinema.command.identity.loginhistory.LoginHistory;
import dev.cinema.command.identity.role.Access;
import dev.cinema.command.identity.token.Tokens;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What every successful login does, by password or OAuth: a new session with the user's roles, and a history entry. */
@Service
public class SignIn {

    private final Tokens tokens;
    private final Access access;
    private final LoginHistory history;

    SignIn(Tokens tokens, Access access, LoginHistory history) {
        this.tokens = tokens;
        this.access = access;
        this.history = history;
    }

    @Transactional
    public Tokens.Issued signIn(UUID userId, String method, HttpServletRequest request) {
        Tokens.Issued issued = tokens.startSession(userId, access.roleNamesOf(userId));
        history.record(userId, method, request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
        return issued;
    }
}
