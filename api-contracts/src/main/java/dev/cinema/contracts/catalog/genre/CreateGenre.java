package dev.cinema.contracts.catalog.genre;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a genre to the catalogue. The name is required; the description may be null. */
public record CreateGenre(@TargetAggregateIdentifier UUID genreId, String name, String description) {}
