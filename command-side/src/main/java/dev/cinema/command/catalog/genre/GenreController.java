package dev.cinema.command.catalog.genre;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cinema.command.catalog.web.CatalogEndpoints;
import dev.cinema.command.catalog.web.CatalogEndpoints.HistoryEntry;
import dev.cinema.command.catalog.web.CatalogEndpoints.Versioned;
import dev.cinema.command.eventstore.WrittenEvents;
import dev.cinema.contracts.catalog.genre.CreateGenre;
import dev.cinema.contracts.catalog.genre.DeleteGenre;
import dev.cinema.contracts.catalog.genre.ReviseGenre;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
@RequestMapping("/admin/api/v1/genres")
@Tag(name = "Genres", description = "Catalogue genres: every change is a command whose events are stored")
class GenreController {

    private final CommandGateway commandGateway;
    private final WrittenEvents writtenEvents;
    private final CatalogEndpoints endpoints;

    GenreController(CommandGateway commandGateway, WrittenEvents writtenEvents, CatalogEndpoints endpoints) {
        this.commandGateway = commandGateway;
        this.writtenEvents = writtenEvents;
        this.endpoints = endpoints;
    }

    record GenreRequest(
            @NotBlank @Size(max = 255) String name,
            @Size(max = 10_000) String description) {}

    @PostMapping
    @Operation(summary = "Create a genre", description = "Answers 201 with the new id and the aggregate version; 409 when the name is taken")
    ResponseEntity<WrittenEvents.Receipt> create(@Valid @RequestBody GenreRequest request) {
        UUID genreId = UUID.randomUUID();
        commandGateway.sendAndWait(new CreateGenre(genreId, request.name(), request.description()));
        WrittenEvents.Receipt receipt = writtenEvents.receiptFor(genreId);
        return receipt.toResponse(ResponseEntity.created(URI.create("/admin/api/v1/genres/" + genreId)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A genre's current state", description = "With its version in the body and as ETag")
    ResponseEntity<JsonNode> get(@PathVariable UUID id) {
        return endpoints.current(endpoints.read(Genre.class, id, Genre::state));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a genre (creates it under this id when missing)",
            description = "If-Match: <version> refuses a stale edit with 409 and the current version")
    ResponseEntity<WrittenEvents.Receipt> put(@PathVariable UUID id, @Valid @RequestBody GenreRequest request,
                                              @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return revise(id, request, CatalogEndpoints.ifMatch(ifMatch));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change some of a genre's fields", description = "JSON merge patch; null clears the description")
    ResponseEntity<WrittenEvents.Receipt> patch(@PathVariable UUID id, @RequestBody ObjectNode patch,
                                                @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Long expected = CatalogEndpoints.ifMatch(ifMatch);
        return endpoints.withRetry(expected, () -> {
            Versioned<Genre.GenreState> current = endpoints.read(Genre.class, id, Genre::state);
            GenreRequest request = endpoints.merge(
                    new GenreRequest(current.state().name(), current.state().description()), patch, GenreRequest.class);
            return revise(id, request, expected != null ? expected : current.version());
        });
    }

    private ResponseEntity<WrittenEvents.Receipt> revise(UUID id, GenreRequest request, Long expectedVersion) {
        return endpoints.send(new ReviseGenre(id, request.name(), request.description(), expectedVersion), id, false);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a genre", description = "409 listing the films that still carry it")
    ResponseEntity<WrittenEvents.Receipt> delete(@PathVariable UUID id,
                                                 @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return endpoints.send(new DeleteGenre(id, CatalogEndpoints.ifMatch(ifMatch)), id, false);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "A genre's events", description = "Oldest first, with time and the user who caused each")
    List<HistoryEntry> history(@PathVariable UUID id) {
        return endpoints.history("Genre", id);
    }
}
