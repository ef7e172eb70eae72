package dev.cinema.contracts.catalog.film;

public enum FilmType {
    MOVIE,
    TV_SHOW
}
