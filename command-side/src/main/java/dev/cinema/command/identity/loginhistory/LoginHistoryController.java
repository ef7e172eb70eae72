package dev.cinema.command.identity.loginhistory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Users")
class LoginHistoryController {

    private final LoginHistory history;

    LoginHistoryController(LoginHistory history) {
        this.history = history;
    }

    @GetMapping("/auth/api/v1/users/me/login-history")
    @Operation(summary = "The current user's successful logins, newest first", description = "Total in X-Total-Count")
    ResponseEntity<List<LoginHistory.Entry>> page(
            @AuthenticationPrincipal Jwt token,
            @RequestParam(name = "page_number", defaultValue = "1") @Min(1) int pageNumber,
            @RequestParam(name = "page_size", defaultValue = "50") @Min(1) @Max(100) int pageSize) {
        return page(UUID.fromString(token.getSubject()), pageNumber, pageSize);
    }

    @GetMapping("/auth/api/v1/users/{userId}/login-history")
    @Operation(summary = "A user's successful logins, newest first (admin)", description = "Total in X-Total-Count")
    ResponseEntity<List<LoginHistory.Entry>> pageOf(
            @PathVariable UUID userId,
            @RequestParam(name = "page_number", defaultValue = "1") @Min(1) int pageNumber,
            @RequestParam(name = "page_size", defaultValue = "50") @Min(1) @Max(100) int pageSize) {
        return page(userId, pageNumber, pageSize);
    }

    private ResponseEntity<List<LoginHistory.Entry>> page(UUID userId, int pageNumber, int pageSize) {
        LoginHistory.Page page = history.page(userId, pageNumber, pageSize);
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(page.total())).body(page.entries());
    }
}
