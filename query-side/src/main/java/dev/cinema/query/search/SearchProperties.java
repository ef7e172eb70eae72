package dev.cinema.query.search;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the read models live in Elasticsearch (the connection itself is {@code spring.elasticsearch.*}).
 *
 * @param indexPrefix prepended to every alias and index name, so that tests ({@code test_}) or a second
 *                    installation never touch the live indices
 * @param numberOfReplicas replicas of new indices: 0 on a single node (green health), more on a cluster
 */
@ConfigurationProperties("cinema.search")
public record SearchProperties(String indexPrefix, Integer numberOfReplicas) {

    public SearchProperties {
        indexPrefix = indexPrefix == null ? "" : indexPrefix;
        numberOfReplicas = numberOfReplicas == null ? 0 : numberOfReplicas;
    }
}
