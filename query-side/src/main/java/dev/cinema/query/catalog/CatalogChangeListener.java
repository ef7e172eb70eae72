package dev.cinema.query.catalog;

/**
 * Told, right after a projection batch wrote Elasticsearch (before it commits), which documents it rewrote; the
 * response cache listens. A listener's failure fails the batch, which is then retried.
 */
public interface CatalogChangeListener {

    void written(CatalogChanges changes);
}
