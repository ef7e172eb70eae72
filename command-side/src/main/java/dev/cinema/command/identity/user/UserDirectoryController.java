package dev.cinema.command.identity.user;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cinema.command.identity.role.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Other people's accounts, for admins (see SecurityConfig): the list with search, and one account. */
@RestController
@RequestMapping("/auth/api/v1/users")
@Tag(name = "Users")
class UserDirectoryController {

    private final Accounts accounts;
    private final Access access;

    UserDirectoryController(Accounts accounts, Access access) {
        this.accounts = accounts;
        this.access = access;
    }

    record UserView(UUID id, String email, @JsonProperty("first_name") String firstName,
                    @JsonProperty("last_name") String lastName, List<String> roles, boolean superuser, boolean active) {}

    @GetMapping
    @Operation(summary = "Accounts by e-mail (admin)",
            description = "query: part of the e-mail or name, any case; total in X-Total-Count")
    ResponseEntity<List<UserView>> list(
            @RequestParam(required = false) String query,
            @RequestParam(name = "page_number", defaultValue = "1") @Min(1) int pageNumber,
            @RequestParam(name = "page_size", defaultValue = "50") @Min(1) @Max(100) int pageSize) {
        Accounts.Page page = accounts.search(query, pageNumber, pageSize);
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(page.total()))
                .body(page.accounts().stream().map(this::view).toList());
    }

    @GetMapping("/{userId}")
    @Operation(summary = "One account with its roles (admin)")
    UserView get(@PathVariable UUID userId) {
        return accounts.byId(userId).map(this::view)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No user " + userId));
    }

    private UserView view(Accounts.Account account) {
        return new UserView(account.id(), account.email(), account.firstName(), account.lastName(),
                access.roleNamesOf(account.id()), account.superuser(), account.active());
    }
}
