package dev.cinema.contracts.catalog.film;

/** What a credited person did on a film. One person may hold several roles on one film. */
public enum CreditRole {
    ACTOR,
    WRITER,
    DIRECTOR
}
