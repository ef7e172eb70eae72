package dev.cinema.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code make chaos}: the fault and security suite against the running stack (make up). Non-destructive checks
 * first (the token matrix on all three apps, the read model against the event store), then one fault at a time
 * injected with the project's scripts. Exit status 1 when any check failed; a table of what ran and what it
 * counted goes to bench/results/chaos-&lt;date&gt;.md. Options: --only=security,conflicts,readmodel,query-kill,es-restart,
 * clickhouse-stop,kafka-restart (default all), --root=&lt;checkout that started the stack&gt; (default .),
 * --rehearsal=true (the scenarios' load and checks without the faults, for a stack that others use),
 * --event-store=cinema, --index-prefix=, --clickhouse-database=cinema.
 */
public final class Chaos {

    static final List<String> SCENARIOS = List.of("security", "conflicts", "readmodel", "query-kill", "es-restart", "clickhouse-stop", "kafka-restart");

    private Chaos() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        Set<String> only = Set.of(options.getOrDefault("only", String.join(",", SCENARIOS)).split(","));
        Platform platform = Platform.from(options);
        ReadModelCheck catalogue = new ReadModelCheck(platform, options.getOrDefault("event-store", "cinema"),
                options.getOrDefault("index-prefix", ""));
        Faults faults = new Faults(platform, new Scripts(Path.of(options.getOrDefault("root", ".")).toAbsolutePath().normalize(),
                        Boolean.parseBoolean(options.getOrDefault("rehearsal", "false"))),
                catalogue, options.getOrDefault("clickhouse-database", "cinema"));
        Map<String, List<String>> outcomes = new LinkedHashMap<>();
        for (String scenario : SCENARIOS) {
            if (!only.contains(scenario)) {
                continue;
            }
            System.err.println("== " + scenario);
            List<String> failures;
            try {
                failures = switch (scenario) {
                    case "security" -> new SecurityMatrix(platform).check();
                    case "conflicts" -> new ConflictingUpdates(platform).check();
                    case "readmodel" -> {
                        ReadModelCheck.Outcome outcome = catalogue.compare();
                        System.err.println("  " + outcome.summary());
                        yield outcome.equal() ? List.of() : List.of(outcome.summary());
                    }
                    case "query-kill" -> faults.queryKilledDuringReindex();
                    case "es-restart" -> faults.elasticsearchRestartedDuringProjection();
                    case "clickhouse-stop" -> faults.clickHouseStoppedDuringIngest();
                    case "kafka-restart" -> faults.kafkaRestartedDuringIngest();
                    default -> throw new IllegalArgumentException(scenario);
                };
            } catch (Exception e) {
                failures = List.of("aborted: " + e);
            }
            outcomes.put(scenario, failures);
            System.err.println("  " + (failures.isEmpty() ? "PASSED" : "FAILED: " + failures));
        }
        StringBuilder table = new StringBuilder("# make chaos, " + LocalDate.now(ZoneOffset.UTC) + "\n\n"
                + (options.containsKey("note") ? options.get("note") + "\n\n" : "") + "| scenario | result | details |\n|---|---|---|\n");
        outcomes.forEach((scenario, failures) -> table.append("| ").append(scenario).append(" | ")
                .append(failures.isEmpty() ? "passed" : "FAILED").append(" | ")
                .append(String.join("; ", failures).replace("|", "/")).append(" |\n"));
        Path out = Path.of(options.getOrDefault("out", "bench/results"));
        Files.createDirectories(out);
        Path file = out.resolve(options.getOrDefault("name", "chaos-" + LocalDate.now(ZoneOffset.UTC)) + ".md");
        Files.writeString(file, table);
        System.out.print(table);
        long failed = outcomes.values().stream().filter(failures -> !failures.isEmpty()).count();
        System.out.printf("%d passed, %d failed%n", outcomes.size() - failed, failed);
        System.exit(failed == 0 ? 0 : 1);
    }
}
