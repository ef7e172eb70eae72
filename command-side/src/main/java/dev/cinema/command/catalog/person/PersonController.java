package dev.cinema.command.catalog.person;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cinema.command.catalog.web.CatalogEndpoints;
import dev.cinema.command.catalog.web.CatalogEndpoints.HistoryEntry;
import dev.cinema.command.catalog.web.CatalogEndpoints.Versioned;
import dev.cinema.command.eventstore.WrittenEvents;
import dev.cinema.contracts.catalog.person.CreatePerson;
import dev.cinema.contracts.catalog.person.DeletePerson;
import dev.cinema.contracts.catalog.person.RevisePerson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
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
@RequestMapping("/admin/api/v1/persons")
@Tag(name = "Persons", description = "People credited on films: every change is a command whose events are stored")
class PersonController {

    private final CatalogEndpoints endpoints;

    PersonController(CatalogEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    record PersonRequest(@NotBlank @Size(max = 255) String fullName) {}

    @PostMapping
    @Operation(summary = "Create a person", description = "Answers 201 with the new id and the aggregate version")
    ResponseEntity<WrittenEvents.Receipt> create(@Valid @RequestBody PersonRequest request) {
        UUID personId = UUID.randomUUID();
        ResponseEntity<WrittenEvents.Receipt> response =
                endpoints.send(new CreatePerson(personId, request.fullName()), personId, true);
        return ResponseEntity.created(URI.create("/admin/api/v1/persons/" + personId))
                .headers(response.getHeaders()).body(response.getBody());
    }

    @GetMapping("/{id}")
    @Operation(summary = "A person's current state", description = "With its version in the body and as ETag")
    ResponseEntity<JsonNode> get(@PathVariable UUID id) {
        return endpoints.current(endpoints.read(Person.class, id, Person::state));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a person (creates it under this id when missing)",
            description = "If-Match: <version> refuses a stale edit with 409 and the current version")
    ResponseEntity<WrittenEvents.Receipt> put(@PathVariable UUID id, @Valid @RequestBody PersonRequest request,
                                              @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return endpoints.send(new RevisePerson(id, request.fullName(), CatalogEndpoints.ifMatch(ifMatch)), id, false);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change some of a person's fields", description = "JSON merge patch")
    ResponseEntity<WrittenEvents.Receipt> patch(@PathVariable UUID id, @RequestBody ObjectNode patch,
                                                @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Long expected = CatalogEndpoints.ifMatch(ifMatch);
        return endpoints.withRetry(expected, () -> {
            Versioned<Person.PersonState> current = endpoints.read(Person.class, id, Person::state);
            PersonRequest request = endpoints.merge(new PersonRequest(current.state().fullName()), patch, PersonRequest.class);
            return endpoints.send(new RevisePerson(id, request.fullName(), expected != null ? expected : current.version()),
                    id, false);
        });
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a person", description = "409 listing the films that still credit the person")
    ResponseEntity<WrittenEvents.Receipt> delete(@PathVariable UUID id,
                                                 @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return endpoints.send(new DeletePerson(id, CatalogEndpoints.ifMatch(ifMatch)), id, false);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "A person's events", description = "Oldest first, with time and the user who caused each")
    List<HistoryEntry> history(@PathVariable UUID id) {
        return endpoints.history("Person", id);
    }
}
