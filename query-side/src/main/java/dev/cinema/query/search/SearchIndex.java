package dev.cinema.query.search;

/**
 * A read model in Elasticsearch: clients and projectors use the alias {@code <prefix><name>}, which points
 * at the concrete index {@code <prefix><name>_v<version>}. A reindex builds the next version and swaps the alias.
 * The index's settings and mappings are JSON resources under {@code elasticsearch/<name>/}.
 */
public record SearchIndex(String name, int version) {

    public String alias(String prefix) {
        return prefix + name;
    }

    public String concreteName(String prefix) {
        return prefix + name + "_v" + version;
    }

    String settingsResource() {
        return "elasticsearch/" + name + "/settings.json";
    }

    String mappingsResource() {
        return "elasticsearch/" + name + "/mappings.json";
    }
}
