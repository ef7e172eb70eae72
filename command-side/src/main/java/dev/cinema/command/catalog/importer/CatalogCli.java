package dev.cinema.command.catalog.importer;

import java.nio.file.Path;
import java.util.Locale;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The importer as a mode of the command-side jar (infra/bin/catalog.sh):
 * {@code java -jar command-side.jar --cinema.cli=import --data=DIR [--concurrency=8]
 * --spring.main.web-application-type=none}. Progress bar on stderr, summary on stdout, then the JVM exits
 * (0, or 1 when rows were rejected).
 */
@Component
@ConditionalOnProperty(name = "cinema.cli", havingValue = "import")
class CatalogCli implements CommandLineRunner {

    private final CatalogImporter importer;
    private final ApplicationContext context;
    private final Environment environment;

    CatalogCli(CatalogImporter importer, ApplicationContext context, Environment environment) {
        this.importer = importer;
        this.context = context;
        this.environment = environment;
    }

    @Override
    public void run(String... args) {
        Path dir = Path.of(environment.getProperty("data", "../shared/data/movies"));
        int concurrency = environment.getProperty("concurrency", Integer.class, 8);
        long started = System.nanoTime();
        ProgressBar bar = new ProgressBar("import " + dir.getFileName());
        CatalogImporter.Report report;
        try {
            report = importer.run(dir, concurrency, bar::update);
        } catch (IllegalArgumentException e) {
            System.err.println("import: " + e.getMessage());
            System.exit(SpringApplication.exit(context, () -> 2));
            return;
        } finally {
            bar.finish();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.print(report.summary());
        System.out.printf(Locale.ROOT, "imported %s in %.1f s%n", dir, seconds);
        int rejected = 0;
        for (CatalogImporter.Kind kind : CatalogImporter.Kind.values()) {
            rejected += report.rejected(kind);
        }
        int code = rejected == 0 && report.reasons().isEmpty() ? 0 : 1;
        System.exit(SpringApplication.exit(context, () -> code));
    }

    /** A one-line bar on stderr, redrawn at most ten times a second. */
    static final class ProgressBar {
        private final String label;
        private long lastDraw;
        private int lastDone = -1;
        private int total;

        ProgressBar(String label) {
            this.label = label;
        }

        synchronized void update(int done, int total) {
            this.total = total;
            long now = System.nanoTime();
            if (done == total || now - lastDraw > 100_000_000L) {
                lastDraw = now;
                draw(done);
            }
        }

        private void draw(int done) {
            if (done == lastDone) {
                return;
            }
            lastDone = done;
            int width = 40;
            int filled = total == 0 ? width : (int) ((long) done * width / total);
            System.err.printf(Locale.ROOT, "\r%s [%s%s] %3d%% %d/%d", label, "#".repeat(filled), ".".repeat(width - filled),
                    total == 0 ? 100 : done * 100 / total, done, total);
            System.err.flush();
        }

        synchronized void finish() {
            System.err.println();
        }
    }
}
