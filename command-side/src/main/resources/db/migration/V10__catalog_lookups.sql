-- The command side's catalogue lookup tables. They are NOT a read model for clients: they answer the questions an
-- aggregate cannot answer alone (is a genre name free? do these genre/person ids exist? which films use this genre
-- or person?). A subscribing event processor (CatalogLookupProjector) keeps them in the same transaction as the
-- events, so a command's decision and its events commit or fail together. The foreign keys are the backstop for
-- races between two commands (say, adding a genre to a film while deleting that genre).

CREATE TABLE catalog_genre (
    genre_id UUID         NOT NULL PRIMARY KEY,
    name     VARCHAR(255) NOT NULL
);
-- Genre names are unique regardless of case.
CREATE UNIQUE INDEX catalog_genre_name_key ON catalog_genre (lower(name));

CREATE TABLE catalog_person (
    person_id UUID         NOT NULL PRIMARY KEY,
    full_name VARCHAR(255) NOT NULL
);

CREATE TABLE catalog_film (
    film_id UUID         NOT NULL PRIMARY KEY,
    title   VARCHAR(255) NOT NULL
);

CREATE TABLE catalog_film_genre (
    film_id  UUID NOT NULL REFERENCES catalog_film (film_id) ON DELETE CASCADE,
    genre_id UUID NOT NULL REFERENCES catalog_genre (genre_id),
    PRIMARY KEY (film_id, genre_id)
);
CREATE INDEX catalog_film_genre_genre_idx ON catalog_film_genre (genre_id);

CREATE TABLE catalog_film_credit (
    film_id   UUID        NOT NULL REFERENCES catalog_film (film_id) ON DELETE CASCADE,
    person_id UUID        NOT NULL REFERENCES catalog_person (person_id),
    role      VARCHAR(16) NOT NULL,
    PRIMARY KEY (film_id, person_id, role)
);
CREATE INDEX catalog_film_credit_person_idx ON catalog_film_credit (person_id);

-- Genres written before these tables existed (the walking skeleton only had GenreCreated).
INSERT INTO catalog_genre (genre_id, name)
SELECT (p ->> 'genreId')::uuid, p ->> 'name'
FROM (SELECT convert_from(payload, 'UTF8')::jsonb AS p
      FROM domain_event_entry
      WHERE payload_type = 'dev.cinema.contracts.catalog.genre.GenreCreated'
      ORDER BY global_index) created
ON CONFLICT DO NOTHING;
