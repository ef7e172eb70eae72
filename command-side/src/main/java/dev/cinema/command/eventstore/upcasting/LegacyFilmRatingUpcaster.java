package dev.cinema.command.eventstore.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cinema.contracts.catalog.film.FilmRated;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * The project's upcaster example, and the template for the day a catalogue event changes shape: the contracts get
 * {@code @Revision("n")} and an upcaster like this one rewrites the stored JSON of older revisions on read (the
 * stored rows are never changed; the event store, history and the aggregates all see the new shape).
 *
 * <p>This one turns {@code FilmImdbRatingChanged {filmId, imdbRating}}, the shape the rating event had before the
 * contracts settled on {@code FilmRated {filmId, rating}}, into {@code FilmRated}: a type rename plus a field
 * rename. No event of this type exists in any store today; {@code CatalogStorageTest} stores one to prove the path.
 * Registered as a bean, Axon adds it to the event store's upcaster chain; the query side registers the same class
 * when it reads the store.
 */
@Component
public class LegacyFilmRatingUpcaster extends SingleEventUpcaster {

    public static final String LEGACY_TYPE = "dev.cinema.contracts.catalog.film.FilmImdbRatingChanged";

    private static final SimpleSerializedType TARGET = new SimpleSerializedType(FilmRated.class.getName(), null);

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return LEGACY_TYPE.equals(representation.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(TARGET, JsonNode.class, payload -> {
            ObjectNode event = (ObjectNode) payload;
            JsonNode rating = event.remove("imdbRating");
            event.set("rating", rating);
            return event;
        });
    }
}
