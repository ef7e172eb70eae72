-- The catalogue projection's lookup state: the facts every Elasticsearch document is recomputed from.
-- Film documents carry the names of their genres and persons, person documents the titles and ratings of their
-- films; rather than reading those back from Elasticsearch (visible only after a refresh), the projector keeps
-- them here, in the same transaction as its tracking token, and recomputes whole documents from these rows.
-- seq is the aggregate sequence number of the last event applied to a row: an event at or below it is a
-- redelivery and changes nothing. Deleted rows stay as tombstones, so a late event cannot resurrect them.

CREATE TABLE catalog_genre (
    id          uuid    PRIMARY KEY,
    seq         bigint  NOT NULL,
    name        text    NOT NULL,
    description text,
    deleted     boolean NOT NULL DEFAULT false
);

CREATE TABLE catalog_person (
    id        uuid    PRIMARY KEY,
    seq       bigint  NOT NULL,
    full_name text    NOT NULL,
    deleted   boolean NOT NULL DEFAULT false
);

CREATE TABLE catalog_film (
    id            uuid    PRIMARY KEY,
    seq           bigint  NOT NULL,
    title         text    NOT NULL,
    description   text,
    imdb_rating   double precision,
    creation_date date,
    type          varchar(32),
    deleted       boolean NOT NULL DEFAULT false
);

-- A film's links may name genres and persons this side has not seen yet (or never will): no foreign keys;
-- documents join what exists, and a genre or person that appears later recomputes the films linking to it.
CREATE TABLE catalog_film_genre (
    film_id  uuid NOT NULL,
    genre_id uuid NOT NULL,
    PRIMARY KEY (film_id, genre_id)
);
CREATE INDEX catalog_film_genre_genre_idx ON catalog_film_genre (genre_id);

CREATE TABLE catalog_film_credit (
    film_id   uuid        NOT NULL,
    person_id uuid        NOT NULL,
    role      varchar(16) NOT NULL,
    PRIMARY KEY (film_id, person_id, role)
);
CREATE INDEX catalog_film_credit_person_idx ON catalog_film_credit (person_id);

-- External versions of the documents written to Elasticsearch: one value per projection batch, drawn under
-- the batch's advisory lock, so a later batch's documents always carry a higher version (see CatalogDocuments).
CREATE SEQUENCE catalog_document_version_seq;
