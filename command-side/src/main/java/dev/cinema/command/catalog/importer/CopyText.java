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

    /** Undoes COPY's escapes; octal escapes ({@code \\303\\251}) are bytes of the UTF-8 text. */
    static String unescape(String raw) {
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(raw.length() + 8);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\' || i + 1 == raw.length()) {
                int end = i + 1;
                while (end < raw.length() && raw.charAt(end) != '\\') {
                    end++;
                }
                out.writeBytes(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
                continue;
            }
            char next = raw.charAt(++i);
            switch (next) {
                case 't' -> out.write('\t');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 'v' -> out.write(0x0B);
                default -> {
                    if (next >= '0' && next <= '7') {
                        int end = i;
                        while (end < raw.length() && end < i + 3 && raw.charAt(end) >= '0' && raw.charAt(end) <= '7') {
                            end++;
                        }
                        out.write(Integer.parseInt(raw.substring(i, end), 8));
                        i = end - 1;
                    } else {
                        out.writeBytes(String.valueOf(next).getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return out.toString(StandardCharsets.UTF_8);
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
