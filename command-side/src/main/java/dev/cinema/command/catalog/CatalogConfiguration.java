package dev.cinema.command.catalog;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon wiring of the catalogue: lookup tables in the command's transaction, aggregate cache, film snapshots. */
@Configuration
class CatalogConfiguration {

    /**
     * The lookup projector runs subscribing (in the publishing thread and transaction) and its errors propagate,
     * so a violated unique or foreign key rolls the command back instead of being logged and skipped.
     */
    @Bean
    ConfigurerModule catalogLookupsProcessor() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(CatalogLookupProjector.GROUP)
                .registerListenerInvocationErrorHandler(CatalogLookupProjector.GROUP, c -> PropagatingErrorHandler.instance());
    }

    /*
     * Loaded aggregates stay in memory (weakly referenced: the garbage collector may drop them) so a command on a
     * recently used item skips reading its events. Axon evicts an entry when its unit of work rolls back.
     * One cache per aggregate type: the cache is keyed by id alone.
     */
    @Bean
    Cache filmCache() {
        return new WeakReferenceCache();
    }

    @Bean
    Cache personCache() {
        return new WeakReferenceCache();
    }

    @Bean
    Cache genreCache() {
        return new WeakReferenceCache();
    }

    /** A film is snapshotted every {@code cinema.catalog.film-snapshot-threshold} events (default 150). */
    @Bean
    SnapshotTriggerDefinition filmSnapshotTrigger(
            Snapshotter snapshotter, @Value("${cinema.catalog.film-snapshot-threshold:150}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
