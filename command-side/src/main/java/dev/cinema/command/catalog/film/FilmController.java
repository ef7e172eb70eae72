package dev.cinema.command.catalog.film;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cinema.command.catalog.web.CatalogEndpoints;
import dev.cinema.command.catalog.web.CatalogEndpoints.HistoryEntry;
import dev.cinema.command.catalog.web.CatalogEndpoints.Versioned;
import dev.cinema.command.eventstore.WrittenEvents;
import dev.cinema.contracts.catalog.film.CreateFilm;
import dev.cinema.contracts.catalog.film.Credit;
import dev.cinema.contracts.catalog.film.CreditRole;
import dev.cinema.contracts.catalog.film.DeleteFilm;
import dev.cinema.contracts.catalog.film.FilmType;
import dev.cinema.contracts.catalog.film.ReviseFilm;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/admin/api/v1/films")
@Tag(name = "Films", description = "Films and TV shows with genres and credits: every change is a command whose events are stored")
class FilmController {

    private final CatalogEndpoints endpoints;

    FilmController(CatalogEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    record CreditBody(
            @NotNull UUID personId,
            @NotNull @Pattern(regexp = "actor|writer|director", message = "must be one of actor, writer, director") String role) {

        Credit toCredit() {
            return new Credit(personId, CreditRole.valueOf(role.toUpperCase(Locale.ROOT)));
        }

        static CreditBody of(Credit credit) {
            return new CreditBody(credit.personId(), credit.role().name().toLowerCase(Locale.ROOT));
        }
    }

    /** A film as clients write it; {@code type} and {@code role} in lower case as in the original catalogue. */
    record FilmRequest(
            @NotBlank @Size(max = 255) String title,
            @Size(max = 10_000) String description,
            LocalDate creationDate,
            @DecimalMin("0.0") @DecimalMax("10.0") Double rating,
            @NotNull @Pattern(regexp = "movie|tv_show", message = "must be one of movie, tv_show") String type,
            List<@NotNull UUID> genreIds,
            List<@NotNull @Valid CreditBody> credits) {

        FilmType filmType() {
            return FilmType.valueOf(type.toUpperCase(Locale.ROOT));
        }

        List<UUID> genres() {
            return genreIds == null ? List.of() : genreIds;
        }

        List<Credit> creditList() {
            return credits == null ? List.of() : credits.stream().map(CreditBody::toCredit).toList();
        }

        static FilmRequest of(Film.FilmState state) {
            return new FilmRequest(state.title(), state.description(), state.creationDate(), state.rating(),
                    state.type().name().toLowerCase(Locale.ROOT), state.genreIds(),
                    state.credits().stream().map(CreditBody::of).toList());
        }
    }

    /** GET's body (plus {@code version}). */
    record FilmView(UUID id, String title, String description, LocalDate creationDate, Double rating, String type,
                    List<UUID> genreIds, List<CreditBody> credits) {

        static FilmView of(Film.FilmState state) {
            FilmRequest r = FilmRequest.of(state);
            return new FilmView(state.id(), r.title(), r.description(), r.creationDate(), r.rating(), r.type(),
                    r.genreIds(), r.credits());
        }
    }

    @PostMapping
    @Operation(summary = "Create a film", description = "201 with the new id and version; 422 naming unknown genre or person ids")
    ResponseEntity<WrittenEvents.Receipt> create(@Valid @RequestBody FilmRequest request) {
        UUID filmId = UUID.randomUUID();
        ResponseEntity<WrittenEvents.Receipt> response = endpoints.send(new CreateFilm(filmId, request.title(),
                request.description(), request.creationDate(), request.rating(), request.filmType(), request.genres(),
                request.creditList()), filmId, true);
        return ResponseEntity.created(URI.create("/admin/api/v1/films/" + filmId))
                .headers(response.getHeaders()).body(response.getBody());
    }

    @GetMapping("/{id}")
    @Operation(summary = "A film's current state", description = "With its version in the body and as ETag")
    ResponseEntity<JsonNode> get(@PathVariable UUID id) {
        return endpoints.current(endpoints.read(Film.class, id, film -> FilmView.of(film.state())));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a film (creates it under this id when missing)",
            description = "Writes one event per changed fact; If-Match: <version> refuses a stale edit with 409")
    ResponseEntity<WrittenEvents.Receipt> put(@PathVariable UUID id, @Valid @RequestBody FilmRequest request,
                                              @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return revise(id, request, CatalogEndpoints.ifMatch(ifMatch));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change some of a film's fields", description = "JSON merge patch; null clears an optional field")
    ResponseEntity<WrittenEvents.Receipt> patch(@PathVariable UUID id, @RequestBody ObjectNode patch,
                                                @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Long expected = CatalogEndpoints.ifMatch(ifMatch);
        return endpoints.withRetry(expected, () -> {
            Versioned<Film.FilmState> current = endpoints.read(Film.class, id, Film::state);
            FilmRequest request = endpoints.merge(FilmRequest.of(current.state()), patch, FilmRequest.class);
            return revise(id, request, expected != null ? expected : current.version());
        });
    }

    private ResponseEntity<WrittenEvents.Receipt> revise(UUID id, FilmRequest request, Long expectedVersion) {
        return endpoints.send(new ReviseFilm(id, request.title(), request.description(), request.creationDate(),
                request.rating(), request.filmType(), request.genres(), request.creditList(), expectedVersion), id, false);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a film")
    ResponseEntity<WrittenEvents.Receipt> delete(@PathVariable UUID id,
                                                 @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return endpoints.send(new DeleteFilm(id, CatalogEndpoints.ifMatch(ifMatch)), id, false);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "A film's events", description = "Oldest first, with time and the user who caused each")
    List<HistoryEntry> history(@PathVariable UUID id) {
        return endpoints.history("Film", id);
    }
}
