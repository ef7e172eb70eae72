package dev.cinema.command.catalog.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cinema.command.catalog.Outcome;
import dev.cinema.command.eventstore.ActingUser;
import dev.cinema.command.eventstore.WrittenEvents;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * What the three catalogue controllers share: reading an aggregate's current state with its version, If-Match,
 * PATCH merging, sending a command and answering with the receipt (version as ETag, consistency token), and the
 * per-aggregate event history.
 */
@Component
public class CatalogEndpoints {

    private static final Pattern VERSION = Pattern.compile("\\s*(?:W/)?\"?(\\d{1,18})\"?\\s*");

    private final Configuration axon;
    private final CommandGateway commandGateway;
    private final WrittenEvents writtenEvents;
    private final EventStore eventStore;
    private final ObjectMapper json;
    private final Validator validator;

    CatalogEndpoints(Configuration axon, CommandGateway commandGateway, WrittenEvents writtenEvents,
                     EventStore eventStore, ObjectMapper json, Validator validator) {
        this.axon = axon;
        this.commandGateway = commandGateway;
        this.writtenEvents = writtenEvents;
        this.eventStore = eventStore;
        this.json = json;
        this.validator = validator;
    }

    /** A state together with the aggregate version it was read at. */
    public record Versioned<S>(S state, long version) {}

    /** Loads the aggregate through its repository (cache, snapshots) and takes its state; 404 when there is none. */
    public <A, S> Versioned<S> read(Class<A> type, UUID id, Function<A, S> state) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            Aggregate<A> aggregate = axon.repository(type).load(id.toString());
            if (aggregate.identifier() == null) {
                // The id belongs to an aggregate of another kind.
                throw new AggregateNotFoundException(id.toString(), "no " + type.getSimpleName() + " " + id);
            }
            Versioned<S> result = new Versioned<>(aggregate.invoke(state), aggregate.version());
            unitOfWork.commit();
            return result;
        } catch (RuntimeException e) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            throw e;
        }
    }

    /** The version named by If-Match ({@code 3}, {@code "3"} or {@code W/"3"}), or null without the header. */
    public static Long ifMatch(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        Matcher matcher = VERSION.matcher(header);
        if (!matcher.matches()) {
            throw new CatalogProblems.BadHeaderException("If-Match", "must be an aggregate version such as \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }

    /** Sends a command and answers with what it wrote: 200 (or 201 when it created) with version and consistency token. */
    public ResponseEntity<WrittenEvents.Receipt> send(Object command, UUID id, boolean created) {
        Object outcome = commandGateway.sendAndWait(command);
        WrittenEvents.Receipt receipt = writtenEvents.receiptFor(id);
        return receipt.toResponse(created || outcome == Outcome.CREATED
                ? ResponseEntity.status(HttpStatus.CREATED) : ResponseEntity.ok());
    }

    /**
     * PATCH: applies the body's fields (JSON merge patch: a present field replaces, {@code null} clears) to the
     * current state as a request of type {@code requestType}, validated like a PUT body.
     */
    public <R> R merge(Object current, ObjectNode patch, Class<R> requestType) {
        ObjectNode merged = json.valueToTree(current);
        List<Map<String, String>> unknown = new ArrayList<>();
        Set<String> allowed = Set.copyOf(iterable(merged.fieldNames()));
        for (String field : iterable(patch.fieldNames())) {
            if (!allowed.contains(field)) {
                unknown.add(Map.of("field", field, "message", "is not a field of this resource"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new CatalogProblems.InvalidFieldsException(unknown);
        }
        merged.setAll(patch);
        R request;
        try {
            request = json.treeToValue(merged, requestType);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            throw new CatalogProblems.WrongTypeException(field.isEmpty() ? "body" : field);
        } catch (JsonProcessingException e) {
            throw new CatalogProblems.WrongTypeException("body");
        }
        validate(request);
        return request;
    }

    public void validate(Object request) {
        Set<ConstraintViolation<Object>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new CatalogProblems.InvalidFieldsException(violations.stream()
                    .map(v -> Map.of("field", v.getPropertyPath().toString(), "message", v.getMessage()))
                    .sorted(Comparator.comparing(m -> m.get("field")))
                    .toList());
        }
    }

    /** PATCH without If-Match retries a few times on a concurrent change (it re-reads and re-merges). */
    public <T> T withRetry(Long ifMatch, java.util.function.Supplier<T> attempt) {
        for (int i = 0; ; i++) {
            try {
                return attempt.get();
            } catch (ConflictingAggregateVersionException e) {
                if (ifMatch != null || i >= 2) {
                    throw e;
                }
            }
        }
    }

    /** One stored event of an aggregate, as the history endpoint lists it. */
    public record HistoryEntry(long version, String type, Instant time, String userId, Object payload) {}

    /** The aggregate's events, oldest first, with time and acting user; 404 when it has none (or is of another kind). */
    public List<HistoryEntry> history(String aggregateType, UUID id) {
        List<HistoryEntry> entries = new ArrayList<>();
        Iterator<? extends DomainEventMessage<?>> events = eventStore.readEvents(id.toString(), 0L).asStream().iterator();
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (!aggregateType.equals(event.getType())) {
                break;
            }
            Object user = event.getMetaData().get(ActingUser.USER_ID);
            entries.add(new HistoryEntry(event.getSequenceNumber(), event.getPayloadType().getSimpleName(),
                    event.getTimestamp(), user == null ? null : user.toString(), event.getPayload()));
        }
        if (entries.isEmpty()) {
            throw new AggregateNotFoundException(id.toString(), "no " + aggregateType + " " + id);
        }
        return entries;
    }

    /** The body of GET: the state's fields plus {@code version}; the version is the ETag too. */
    public ResponseEntity<JsonNode> current(Versioned<?> read) {
        ObjectNode body = json.valueToTree(read.state());
        body.put("version", read.version());
        return ResponseEntity.ok().eTag(Long.toString(read.version())).body(body);
    }

    private static <T> List<T> iterable(Iterator<T> iterator) {
        List<T> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }
}
