package dev.cinema.command.catalog.importer;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL {@code COPY ... TO stdout} text format: one row a line, columns separated by a tab, {@code \N} for NULL,
 * backslash escapes ({@code \t}, {@code \n}, {@code \r}, {@code \\}, {@code \b}, {@code \f}, {@code \v}, octal).
 */
public final class CopyText {

    private CopyText() {}

    /** One row with its 1-based line number in the file. */
    public record Row(String file, int line, List<String> columns) {

        public String where() {
            return file + ":" + line;
        }
    }

    public static List<Row> read(Path file) {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.equals("\\.")) {
                    break; // end-of-data marker
                }
                List<String> columns = new ArrayList<>();
                for (String raw : line.split("\t", -1)) {
                    columns.add(raw.equals("\\N") ? null : unescape(raw));
                }
                rows.add(new Row(file.getFileName().toString(), number, columns));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    static String unescape(String raw) {
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\' || i + 1 == raw.length()) {
                out.append(c);
                continue;
            }
            char next = raw.charAt(++i);
            switch (next) {
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\u000B');
                default -> {
                    if (next >= '0' && next <= '7') {
                        int end = i;
                        while (end < raw.length() && end < i + 3 && raw.charAt(end) >= '0' && raw.charAt(end) <= '7') {
                            end++;
                        }
                        out.append((char) Integer.parseInt(raw.substring(i, end), 8));
                        i = end - 1;
                    } else {
                        out.append(next);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Writes one column value: escaped, or {@code \N} for null. */
    public static String escape(String value) {
        if (value == null) {
            return "\\N";
        }
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    public static void writeRow(BufferedWriter writer, String... columns) throws IOException {
        for (int i = 0; i < columns.length; i++) {
            if (i > 0) {
                writer.write('\t');
            }
            writer.write(escape(columns[i]));
        }
        writer.write('\n');
    }
}
