package dev.cinema.command.identity.user;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cinema.command.identity.IdentityProblems;
import dev.cinema.command.identity.ratelimit.LoginAttempts;
import dev.cinema.command.identity.role.Access;
import dev.cinema.command.identity.token.TokenResponses;
import dev.cinema.command.identity.token.Tokens;
import dev.cinema.contracts.identity.user.ChangeUserPassword;
import dev.cinema.contracts.identity.user.ChangeUserProfile;
import dev.cinema.contracts.identity.user.DeactivateUser;
import dev.cinema.contracts.identity.user.RegisterUser;
import dev.cinema.kit.web.ProblemDetailsAdvice.InvalidFieldException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/auth/api/v1/users")
@Tag(name = "Users", description = "Accounts, login, tokens")
class UserController {

    /** BCrypt reads at most 72 bytes: a longer password would be silently truncated. */
    static final int MAX_PASSWORD = 72;
    static final int MIN_PASSWORD = Accounts.MIN_PASSWORD;
    private static final String BAD_CREDENTIALS = "Wrong e-mail or password";

    private final CommandGateway commands;
    private final Accounts accounts;
    private final Access access;
    private final PasswordEncoder passwords;
    private final SignIn signIn;
    private final Tokens tokens;
    private final TokenResponses responses;
    private final LoginAttempts attempts;
    /** Compared against when the e-mail is unknown, so that both failures take the same time. */
    private final String decoyHash;

    UserController(CommandGateway commands, Accounts accounts, Access access, PasswordEncoder passwords, SignIn signIn,
                   Tokens tokens, TokenResponses responses, LoginAttempts attempts) {
        this.commands = commands;
        this.accounts = accounts;
        this.access = access;
        this.passwords = passwords;
        this.signIn = signIn;
        this.tokens = tokens;
        this.responses = responses;
        this.attempts = attempts;
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

    record RegisterRequest(
            @NotBlank @Email @Size(max = 320) String email,
            @NotBlank @Size(min = MIN_PASSWORD, max = MAX_PASSWORD) String password,
            @JsonProperty("first_name") @Size(max = 255) String firstName,
            @JsonProperty("last_name") @Size(max = 255) String lastName) {}

    record LoginRequest(@NotBlank String email, @NotBlank String password) {}

    record RefreshRequest(@JsonProperty("refresh_token") String refreshToken) {}

    record ProfileRequest(
            @JsonProperty("first_name") @Size(max = 255) String firstName,
            @JsonProperty("last_name") @Size(max = 255) String lastName,
            @Size(min = MIN_PASSWORD, max = MAX_PASSWORD) String password,
            @JsonProperty("current_password") String currentPassword) {}

    record Me(UUID id, String email, @JsonProperty("first_name") String firstName,
              @JsonProperty("last_name") String lastName, List<String> roles, boolean superuser) {}

    @PostMapping("/register")
    @Operation(summary = "Register with e-mail and password", description = "409 when the e-mail is taken (any case)")
    ResponseEntity<?> register(@Valid @RequestBody RegisterRequest request) {
        if (accounts.byEmail(request.email()).isPresent()) {
            // The unique index decides under concurrency; this only spares the password hashing.
            return IdentityProblems.conflict("email", "is already taken");
        }
        UUID userId = UUID.randomUUID();
        commands.sendAndWait(new RegisterUser(userId, request.email(), passwords.encode(request.password()),
                request.firstName(), request.lastName()));
        return ResponseEntity.created(URI.create("/auth/api/v1/users/me")).body(me(userId));
    }

    @PostMapping("/login")
    @Operation(summary = "Log in with e-mail and password",
            description = "Tokens in the body and as HttpOnly cookies; 401 with one message for any wrong credential")
    ResponseEntity<TokenResponses.TokenBody> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        attempts.checkAllowed(http.getRemoteAddr(), request.email());
        var account = accounts.byEmail(request.email());
        boolean matches = passwords.matches(request.password(),
                account.map(Accounts.Account::passwordHash).filter(Objects::nonNull).orElse(decoyHash));
        if (!matches || account.isEmpty() || !account.get().active()) {
            attempts.failed(http.getRemoteAddr(), request.email());
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, BAD_CREDENTIALS);
        }
        return responses.ok(signIn.signIn(account.get().id(), "password", http));
    }

    @PostMapping("/refresh")
    @Operation(summary = "Trade a refresh token (body or cookie) for a new pair",
            description = "Each refresh token works once; presenting a used one revokes its whole session")
    ResponseEntity<TokenResponses.TokenBody> refresh(
            @RequestBody(required = false) RefreshRequest request,
            @CookieValue(name = TokenResponses.REFRESH_TOKEN_COOKIE, required = false) String cookie) {
        String presented = request != null && request.refreshToken() != null ? request.refreshToken() : cookie;
        if (presented == null || presented.isBlank()) {
            throw new InvalidFieldException("refresh_token", "is required (in the body or the refresh_token cookie)");
        }
        return responses.ok(tokens.rotate(presented, userId -> accounts.byId(userId)
                .filter(Accounts.Account::active)
                .map(account -> access.roleNamesOf(userId))));
    }

    @PostMapping("/logout")
    @Operation(summary = "Revoke this access token and its session")
    ResponseEntity<Void> logout(@AuthenticationPrincipal Jwt token) {
        tokens.logout(token);
        return responses.loggedOut();
    }

    @PostMapping("/logout-all")
    @Operation(summary = "Revoke every session of the current user")
    ResponseEntity<Void> logoutEverywhere(@AuthenticationPrincipal Jwt token) {
        tokens.logout(token);
        tokens.logoutEverywhere(UUID.fromString(token.getSubject()));
        return responses.loggedOut();
    }

    @GetMapping("/me")
    Me me(@AuthenticationPrincipal Jwt token) {
        return me(UUID.fromString(token.getSubject()));
    }

    @PatchMapping("/me")
    @Operation(summary = "Change names and/or password",
            description = "A new password needs current_password when the account has one, and ends every other session")
    Me changeMe(@AuthenticationPrincipal Jwt token, @Valid @RequestBody ProfileRequest request) {
        Accounts.Account account = account(UUID.fromString(token.getSubject()));
        if (request.firstName() != null || request.lastName() != null) {
            commands.sendAndWait(new ChangeUserProfile(account.id(),
                    request.firstName() != null ? request.firstName() : account.firstName(),
                    request.lastName() != null ? request.lastName() : account.lastName()));
        }
        if (request.password() != null) {
            if (account.passwordHash() != null && (request.currentPassword() == null
                    || !passwords.matches(request.currentPassword(), account.passwordHash()))) {
                throw new InvalidFieldException("current_password", "does not match the current password");
            }
            commands.sendAndWait(new ChangeUserPassword(account.id(), passwords.encode(request.password())));
            // Whoever held the old password may hold a session too: only the one that changed it stays.
            tokens.logoutOtherSessions(token);
        }
        return me(account.id());
    }

    @DeleteMapping("/{userId}")
    @Operation(summary = "Deactivate a user (admin)", description = "The user's sessions end; the account stays")
    ResponseEntity<Void> deactivate(@PathVariable UUID userId) {
        account(userId);
        commands.sendAndWait(new DeactivateUser(userId));
        tokens.logoutEverywhere(userId);
        return ResponseEntity.noContent().build();
    }

    private Me me(UUID userId) {
        Accounts.Account account = account(userId);
        return new Me(account.id(), account.email(), account.firstName(), account.lastName(),
                access.roleNamesOf(userId), account.superuser());
    }

    private Accounts.Account account(UUID userId) {
        return accounts.byId(userId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No user " + userId));
    }
}
