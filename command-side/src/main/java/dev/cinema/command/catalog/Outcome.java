package dev.cinema.command.catalog;

/** What a command did, as its handlers return it (the importer counts these). */
public enum Outcome {
    CREATED,
    CHANGED,
    UNCHANGED
}
