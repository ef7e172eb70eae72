package dev.cinema.command.catalog.genre;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.cinema.contracts.catalog.genre.CreateGenre;
import dev.cinema.contracts.catalog.genre.GenreCreated;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

@Aggregate
public class Genre {

    @AggregateIdentifier
    private UUID genreId;

    protected Genre() {
        // Axon rebuilds the aggregate from its events.
    }

    @CommandHandler
    public Genre(CreateGenre command) {
        apply(new GenreCreated(command.genreId(), command.name().strip(), command.description()));
    }

    @EventSourcingHandler
    void on(GenreCreated event) {
        genreId = event.genreId();
    }
}
