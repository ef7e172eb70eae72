package dev.cinema.kit.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates requests that no valid client sends, for the fuzz tests of every public API: a valid JSON body is
 * described field by field, and each case breaks exactly one thing in a way that no lenient parser can take as
 * valid (an object where a string belongs, a string that is not a number, a required field missing, a value far
 * over any size limit, bytes that are not UTF-8, …). Every case must be refused with a 4xx and change nothing.
 */
public final class MalformedInput {

    /** What a field holds in the valid body; decides which values are certainly wrong for it. */
    public enum Shape { TEXT, NUMBER, UUID, DATE, ENUM, EMAIL, UUID_LIST, OBJECT_LIST }

    /** One malformed request body. */
    public record Body(String label, String contentType, byte[] bytes) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** Texts that try to escape a query, a path or a template; harmless data to a correct service. */
    public static final List<String> INJECTIONS = List.of(
            "' OR '1'='1", "'; DROP TABLE domain_event_entry; --", "\" OR \"\"=\"", "1; SELECT pg_sleep(5)",
            "{\"query\":{\"match_all\":{}}}", "*:*", "title:(", "\\", "\"", "/.*/", "a~~~", "((((((((((", "AND OR NOT",
            "${jndi:ldap://127.0.0.1/a}", "#{7*7}", "{{7*7}}", "<script>alert(1)</script>", "../../etc/passwd",
            "%00", "\u0000", "\uFEFF", "\u202Eevil", "😀🎬", "日本語", "ж".repeat(300), "x".repeat(5_000), "",
            " ", "null", "[]", "{}", "-1", "0x7fffffff", "SELECT * FROM users", "$where", "{\"$ne\":null}");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Over every size limit of the platform's text fields (the largest is 10,000 characters). */
    private static final String OVERSIZED = "x".repeat(20_001);

    private final ObjectNode valid;
    private final Map<String, Shape> shapes = new LinkedHashMap<>();
    private final List<String> required = new ArrayList<>();

    private MalformedInput(ObjectNode valid) {
        this.valid = valid;
    }

    /** A valid body of the endpoint under test; {@link #field} then describes each of its fields. */
    public static MalformedInput from(String validJson) {
        try {
            return new MalformedInput((ObjectNode) JSON.readTree(validJson));
        } catch (Exception e) {
            throw new IllegalArgumentException("not a JSON object: " + validJson, e);
        }
    }

    public MalformedInput field(String name, Shape shape) {
        shapes.put(name, shape);
        return this;
    }

    public MalformedInput required(String name, Shape shape) {
        required.add(name);
        return field(name, shape);
    }

    /** Every case for a full body (POST, PUT): type errors, required fields missing or null, whole-body breakage. */
    public List<Body> bodies() {
        List<Body> bodies = new ArrayList<>(fieldErrors());
        for (String name : required) {
            ObjectNode without = valid.deepCopy();
            without.remove(name);
            bodies.add(json("missing " + name, without));
            bodies.add(json(name + " = null", with(name, NODES.nullNode())));
        }
        bodies.addAll(brokenBodies());
        return bodies;
    }

    /** Every case for a partial body (PATCH): a missing field is fine there, a wrong one is not. */
    public List<Body> partialBodies() {
        List<Body> bodies = new ArrayList<>(fieldErrors());
        for (String name : required) {
            bodies.add(json(name + " = null", with(name, NODES.nullNode())));
        }
        bodies.addAll(brokenBodies());
        return bodies;
    }

    private List<Body> fieldErrors() {
        List<Body> bodies = new ArrayList<>();
        shapes.forEach((name, shape) -> {
            for (JsonNode wrong : wrongValues(shape)) {
                bodies.add(json(name + " = " + abbreviate(wrong), with(name, wrong)));
            }
            if (shape == Shape.TEXT || shape == Shape.ENUM || shape == Shape.EMAIL || shape == Shape.UUID) {
                bodies.add(new Body(name + " with bytes that are not UTF-8", "application/json", notUtf8(name)));
            }
        });
        return bodies;
    }

    private static List<JsonNode> wrongValues(Shape shape) {
        List<JsonNode> values = new ArrayList<>();
        if (shape != Shape.UUID_LIST && shape != Shape.OBJECT_LIST) {
            values.add(NODES.objectNode());
            values.add(NODES.arrayNode());
            values.add(NODES.arrayNode().add("a").add("b"));
            values.add(NODES.objectNode().put("$ne", (String) null));
        }
        switch (shape) {
            case TEXT -> values.add(NODES.textNode(OVERSIZED));
            case NUMBER -> {
                values.add(NODES.textNode("high"));
                values.add(NODES.textNode("NaN"));
                values.add(NODES.textNode(""));
                values.add(raw("1e999"));
                values.add(raw("-1e999"));
                values.add(raw("9".repeat(400)));
            }
            case UUID -> {
                values.add(NODES.textNode("not-a-uuid"));
                values.add(NODES.textNode("00000000-0000-0000-0000-00000000000g"));
                values.add(NODES.textNode(""));
                values.add(NODES.numberNode(42));
                INJECTIONS.stream().limit(6).forEach(text -> values.add(NODES.textNode(text)));
            }
            case DATE -> {
                values.add(NODES.textNode("yesterday"));
                values.add(NODES.textNode("2024-13-45"));
                values.add(NODES.textNode("2024-02-30"));
                values.add(NODES.textNode("'; DROP TABLE x; --"));
            }
            case ENUM -> {
                values.add(NODES.textNode("opera"));
                values.add(NODES.textNode(""));
                values.add(NODES.textNode("' OR '1'='1"));
                values.add(NODES.textNode(OVERSIZED));
            }
            case EMAIL -> {
                values.add(NODES.textNode("not-an-email"));
                values.add(NODES.textNode(""));
                values.add(NODES.textNode("' OR '1'='1@x"));
                values.add(NODES.textNode(OVERSIZED + "@example.com"));
            }
            case UUID_LIST -> {
                values.add(NODES.textNode("not-a-list"));
                values.add(NODES.objectNode());
                values.add(NODES.numberNode(7));
                values.add(NODES.arrayNode().add("not-a-uuid"));
                values.add(NODES.arrayNode().addNull());
                values.add(NODES.arrayNode().add(NODES.objectNode()));
                values.add(NODES.arrayNode().add(NODES.arrayNode()));
            }
            case OBJECT_LIST -> {
                values.add(NODES.textNode("not-a-list"));
                values.add(NODES.objectNode());
                values.add(NODES.numberNode(7));
                values.add(NODES.arrayNode().add(42));
                values.add(NODES.arrayNode().addNull());
                values.add(NODES.arrayNode().add("x"));
                values.add(NODES.arrayNode().add(NODES.objectNode()));
                values.add(NODES.arrayNode().add(NODES.arrayNode()));
            }
        }
        return values;
    }

    /** Breakage of the body as a whole, independent of its fields. */
    private List<Body> brokenBodies() {
        String text = valid.toString();
        List<Body> bodies = new ArrayList<>();
        for (String broken : List.of("", " ", "{", "}", "[", "{\"", "{\"a\":", "null", "42", "\"text\"", "true",
                "[]", "[[]]", "{}{}", text.substring(0, text.length() / 2), text + "}", text.replace(":", "="),
                text.replace("\"", "'"), "<xml/>", "a=b&c=d")) {
            bodies.add(new Body("body " + abbreviate(NODES.textNode(broken)), "application/json", utf8(broken)));
        }
        bodies.add(new Body("nested 100,000 deep", "application/json", utf8("[".repeat(100_000))));
        bodies.add(new Body("nested objects 5,000 deep", "application/json",
                utf8("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000))));
        bodies.add(new Body("a number of 100,000 digits", "application/json", utf8("1".repeat(100_000))));
        // Megabytes in one field, far past any limit of the platform.
        bodies.add(json("3 MB in the first field", with(valid.fieldNames().next(), NODES.textNode("y".repeat(3_000_000)))));
        bodies.add(new Body("valid body as text/plain", "text/plain", utf8(text)));
        bodies.add(new Body("valid body as XML", "application/xml", utf8(text)));
        bodies.add(new Body("valid body as a form", "application/x-www-form-urlencoded", utf8(text)));
        bodies.add(new Body("valid body with a broken content type", "application/json; charset=nope", utf8(text)));
        bodies.add(new Body("bytes that are not UTF-8 only", "application/json",
                new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xA0, (byte) 0xA1}));
        return bodies;
    }

    private ObjectNode with(String name, JsonNode value) {
        ObjectNode body = valid.deepCopy();
        body.set(name, value);
        return body;
    }

    /** The valid body with the field's string value made of an invalid UTF-8 sequence. */
    private byte[] notUtf8(String name) {
        ObjectNode body = with(name, NODES.textNode("@@NOT-UTF8@@"));
        String[] halves = body.toString().split("@@NOT-UTF8@@", 2);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(utf8(halves[0]));
        bytes.writeBytes(new byte[] {(byte) 0xC3, 0x28, (byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xFF});
        bytes.writeBytes(utf8(halves[1]));
        return bytes.toByteArray();
    }

    private static JsonNode raw(String number) {
        return NODES.rawValueNode(new com.fasterxml.jackson.databind.util.RawValue(number));
    }

    private static Body json(String label, JsonNode body) {
        try {
            return new Body(label, "application/json", JSON.writeValueAsBytes(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(JsonNode value) {
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + ")" : text;
    }
}
