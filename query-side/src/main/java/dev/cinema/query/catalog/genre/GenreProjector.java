package dev.cinema.query.catalog.genre;

import dev.cinema.contracts.catalog.genre.GenreCreated;
import dev.cinema.query.search.SearchIndex;
import dev.cinema.query.search.SearchIndices;
import java.io.IOException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Projects genre events into the {@code genres} index; it only projects. The processor is a pooled streaming
 * one ({@code axon.eventhandling.processors.genres}); each document's external version is the aggregate
 * sequence number of the last event applied to it, so redelivery changes nothing, and failures propagate
 * (see {@code ProjectionErrorHandling}) so that the processor retries them.
 */
@Component
@ProcessingGroup(GenreProjector.PROCESSING_GROUP)
public class GenreProjector {

    public static final String PROCESSING_GROUP = "genres";

    private final SearchIndices indices;

    public GenreProjector(SearchIndices indices) {
        this.indices = indices;
    }

    @EventHandler
    public void on(GenreCreated event, @SequenceNumber long sequenceNumber) throws IOException {
        indices.indexVersioned(GenreDocument.INDEX, event.genreId().toString(),
                new GenreDocument(event.genreId(), event.name(), event.description()), sequenceNumber);
    }

    @Configuration(proxyBeanMethods = false)
    static class GenreIndexConfiguration {

        @Bean
        SearchIndex genresIndex() {
            return GenreDocument.INDEX;
        }
    }
}
