package dev.cinema.ugc.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cinema.contracts.ugc.UserActivity;
import dev.cinema.contracts.ugc.ViewProgressed;
import dev.cinema.kit.web.ProblemDetailsAdvice.FieldMessage;
import dev.cinema.kit.web.ProblemDetailsAdvice.InvalidFieldException;
import dev.cinema.ugc.ingest.ActivityPublisher.PublishFailedException;
import dev.cinema.ugc.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Accepts user-activity events from players and apps, validates them and publishes them to Kafka. */
@RestController
@SecurityRequirement(name = "bearer")
public class IngestController {

    private static final Logger log = LoggerFactory.getLogger(IngestController.class);

    static final int MAX_BATCH = 1_000;

    /**
     * The original service's names for the compatibility route: its one event type {@code movie_events} was a
     * viewing mark (film and the second reached), and its parameter names map onto ours.
     */
    private static final String LEGACY_TYPE = "movie_events";
    private static final Map<String, String> LEGACY_NAMES = Map.of(
            "movie_id", "film_id",
            "viewed_frame", "position_s",
            "duration", "duration_s",
            "event_time", "occurred_at",
            "timestamp", "occurred_at");

    private final ActivityParser parser;
    private final ActivityPublisher publisher;
    private final ObjectMapper json;
    private final Clock clock;

    public IngestController(ActivityParser parser, ActivityPublisher publisher, ObjectMapper json, Clock clock) {
        this.parser = parser;
        this.publisher = publisher;
        this.json = json;
        this.clock = clock;
    }

    public record Accepted(int accepted) {
    }

    @Operation(summary = "Record one event or an array of up to 1,000",
            description = "Each event: {type, film_id, occurred_at, event_id?} plus, by type, view_progress "
                    + "{position_s, duration_s}, rating {score 1..10}, bookmark_added / bookmark_removed. The user is "
                    + "the token's subject. Invalid events: 422 naming index and field ([3].score); nothing is "
                    + "published unless every event is valid. Re-posting an event with the same event_id counts once.")
    @PostMapping(path = "/ugc/api/v1/events", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Accepted> events(@RequestBody JsonNode body, @AuthenticationPrincipal Jwt token) {
        UUID userId = CurrentUser.id(token);
        List<FieldMessage> errors = new ArrayList<>();
        List<UserActivity> events = new ArrayList<>();
        if (body.isArray()) {
            if (body.isEmpty() || body.size() > MAX_BATCH) {
                throw new InvalidFieldException("body", "must hold 1 to " + MAX_BATCH + " events");
            }
            for (int i = 0; i < body.size(); i++) {
                events.add(parser.parse(body.get(i), userId, "[" + i + "]", null, errors));
            }
        } else {
            events.add(parser.parse(body, userId, "", null, errors));
        }
        return publish(events, errors);
    }

    @Operation(summary = "Compatibility route of the original UGC service",
            description = "Parameters in the query string (and/or a JSON object body): type movie_events (a viewing "
                    + "mark: movie_id, viewed_frame, duration, event_time or timestamp) or any of the types of "
                    + "POST /ugc/api/v1/events with their field names. occurred_at defaults to now.")
    @PostMapping("/ugc/send-to-broker/{type}")
    public ResponseEntity<Accepted> sendToBroker(@PathVariable String type,
                                                 @RequestParam MultiValueMap<String, String> query,
                                                 @RequestBody(required = false) JsonNode body,
                                                 @AuthenticationPrincipal Jwt token) {
        ObjectNode event = json.createObjectNode();
        if (body != null && body.isObject()) {
            event.setAll((ObjectNode) body);
        }
        query.forEach((name, values) -> event.put(name, values.get(0)));
        LEGACY_NAMES.forEach((legacy, name) -> {
            if (event.has(legacy) && !event.has(name)) {
                event.set(name, event.get(legacy));
            }
        });
        event.put("type", LEGACY_TYPE.equals(type) ? ViewProgressed.TYPE : type);
        List<FieldMessage> errors = new ArrayList<>();
        UserActivity parsed = parser.parse(event, CurrentUser.id(token), "", clock.instant(), errors);
        return publish(Collections.singletonList(parsed), errors); // null when invalid: errors say why
    }

    private ResponseEntity<Accepted> publish(List<UserActivity> events, List<FieldMessage> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        publisher.publish(events);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted(events.size()));
    }

    @ExceptionHandler(PublishFailedException.class)
    ResponseEntity<ProblemDetail> kafkaUnavailable(PublishFailedException e) {
        log.warn("{}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The events could not be stored now; retry the same request (event ids make retries safe)");
        problem.setTitle("Event broker unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Retry-After", "5").body(problem);
    }
}
