package dev.cinema.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Writes the table of figures as Markdown: bench/results/&lt;date&gt;.md (or another name given). */
final class Results {

    private Results() {
    }

    static Path write(Path folder, String name, List<Figure> figures, String settings, String note) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve((name == null ? LocalDate.now(ZoneOffset.UTC).toString() : name) + ".md");
        StringBuilder text = new StringBuilder();
        text.append("# Benchmarks, ").append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16))
                .append(" UTC\n\n");
        if (note != null) {
            text.append(note).append("\n\n");
        }
        text.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(". Settings: ").append(settings).append(".\n");
        text.append("Each figure is the median of the runs listed (platform and baseline runs alternate), the baseline ")
                .append("measured in the same run on the same machine.\n\n");
        text.append("| benchmark | measure | platform | raw baseline | baseline is | platform vs raw | runs (platform / raw) |\n");
        text.append("|---|---|---:|---:|---|---:|---|\n");
        for (Figure figure : figures) {
            text.append("| ").append(figure.benchmark).append(" | ").append(figure.measure).append(" | ")
                    .append(format(Figure.median(figure.platformRuns), figure.unit)).append(" | ")
                    .append(format(Figure.median(figure.baselineRuns), figure.unit)).append(" | ")
                    .append(figure.baseline).append(" | ").append(figure.comparison()).append(" | ")
                    .append(runs(figure.platformRuns)).append(" / ").append(runs(figure.baselineRuns)).append(" |\n");
        }
        Files.writeString(file, text);
        return file;
    }

    private static String format(double value, String unit) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return (value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value))
                + " " + unit;
    }

    private static String runs(List<Double> values) {
        return values.stream().map(v -> v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v))
                .collect(Collectors.joining(", "));
    }
}
