package dev.cinema.command.catalog.genre;

import dev.cinema.command.eventstore.WrittenEvents;
import dev.cinema.contracts.catalog.genre.CreateGenre;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/admin/api/v1/genres")
@Tag(name = "Genres", description = "Catalogue genres: every change is a command whose events are stored")
class GenreController {

    private final CommandGateway commandGateway;
    private final WrittenEvents writtenEvents;

    GenreController(CommandGateway commandGateway, WrittenEvents writtenEvents) {
        this.commandGateway = commandGateway;
        this.writtenEvents = writtenEvents;
    }

    record GenreRequest(
            @NotBlank @Size(max = 255) String name,
            @Size(max = 10_000) String description) {}

    @PostMapping
    @Operation(summary = "Create a genre", description = "Answers 201 with the new id and the aggregate version")
    ResponseEntity<WrittenEvents.Receipt> create(@Valid @RequestBody GenreRequest request) {
        UUID genreId = UUID.randomUUID();
        commandGateway.sendAndWait(new CreateGenre(genreId, request.name(), request.description()));
        WrittenEvents.Receipt receipt = writtenEvents.receiptFor(genreId);
        return receipt.toResponse(ResponseEntity.created(URI.create("/admin/api/v1/genres/" + genreId)));
    }
}
