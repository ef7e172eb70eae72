package dev.cinema.query.search;

/**
 * A read model in Elasticsearch: clients and projectors use the alias {@code <prefix><name>}, which points
 * at the concrete index {@code <prefix><name>_v<version>}. A reindex builds the next version and swaps the alias.
 * All indices share the seed's analysis settings ({@code elasticsearch/settings.json}: the {@code ru_en} analyzer);
 * each has its mappings in {@code elasticsearch/<name>/mappings.json}.
 */
public record SearchIndex(String name, int version) {

    public String alias(String prefix) {
        return prefix + name;
    }

    public String concreteName(String prefix) {
        return prefix + name + "_v" + version;
    }

    String settingsResource() {
        return "elasticsearch/settings.json";
    }

    String mappingsResource() {
        return "elasticsearch/" + name + "/mappings.json";
    }
}
