package dev.cinema.ugc.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cinema.contracts.ugc.ViewProgressed;
import dev.cinema.ugc.IntegrationTest;
import dev.cinema.ugc.kafka.ActivityCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The operations API: the projection's consumer group and its dead letters, for admins only. */
class OperationsTest extends IntegrationTest {

    private static final String API = "/ugc/api/v1/admin";

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    ActivityCodec codec;
    @Value("${spring.kafka.consumer.group-id}")
    String group;

    @Test
    void theProcessorIsTheConsumerGroupWithAPartitionPerSegmentAndItsLagGoesToZero() throws Exception {
        UUID user = UUID.randomUUID();
        postAll(user, views(UUID.randomUUID(), 50));
        awaitValue(() -> distinctEvents(user), 50, Duration.ofSeconds(30));

        JsonNode processor = await(this::processor, p -> p.path("lag").asLong() == 0, "the group's lag to reach 0");

        assertThat(processor.path("name").asText()).isEqualTo(group);
        assertThat(processor.path("kind").asText()).isEqualTo("kafka-consumer");
        assertThat(processor.path("running").asBoolean()).isTrue();
        assertThat(processor.path("error").isNull()).isTrue();
        List<JsonNode> segments = new ArrayList<>();
        processor.path("segments").forEach(segments::add);
        assertThat(segments).extracting(s -> s.path("id").asInt()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(segments).allSatisfy(segment -> {
            assertThat(segment.path("owner").asText()).as("the member holding the partition").isNotBlank();
            assertThat(segment.path("lag").asLong()).isZero();
        });
        // Everything is consumed: the committed offsets add up to the head.
        assertThat(segments.stream().mapToLong(s -> s.path("position").asLong()).sum())
                .isEqualTo(processor.path("head").asLong()).isPositive();
    }

    @Test
    void whileClickHouseIsDownTheProcessorShowsTheFailureAndAfterwardsCatchesUp() throws Exception {
        UUID user = UUID.randomUUID();
        CLICKHOUSE.cut();
        try {
            postAll(user, views(UUID.randomUUID(), 10));

            JsonNode failing = await(this::processor, p -> !p.path("error").isNull(), "the failure to show");

            assertThat(failing.path("error").asText()).contains("retrying");
            assertThat(failing.path("running").asBoolean()).as("paused by its error handler, not stopped").isTrue();
            assertThat(failing.path("lag").asLong()).isPositive();
        } finally {
            CLICKHOUSE.restore();
        }
        awaitValue(() -> distinctEvents(user), 10, Duration.ofSeconds(60));
        await(this::processor, p -> p.path("error").isNull() && p.path("lag").asLong() == 0, "the projection to recover");
    }

    @Test
    void aRecordThatIsNotAnEventIsADeadLetterThatRetryParksAgainAndEvictRemoves() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        kafka.send(new ProducerRecord<>(topic, key, "not an event".getBytes(StandardCharsets.UTF_8))).get();

        JsonNode letter = awaitDeadLetter(key);
        assertThat(letter.path("group").asText()).isEqualTo(group);
        assertThat(letter.path("cause").asText()).startsWith("UndecodableActivityException: not an Axon event message");
        assertThat(letter.path("message_type").isNull()).isTrue();
        assertThat(letter.path("enqueued_at").asText()).isNotBlank();
        assertThat(letter.path("last_touched").isNull()).isTrue();
        assertThat(letter.path("diagnostics").path("original_topic").asText()).isEqualTo(topic);
        String id = letter.path("id").asText();
        String total = mvc.perform(get(API + "/dead-letters/" + group).param("limit", "1").with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getHeader("X-Total-Count");
        assertThat(Long.parseLong(total)).isPositive();

        JsonNode retried = json(mvc.perform(post(API + "/dead-letters/" + group + "/" + id + "/retry").with(admin()))
                .andExpect(status().isOk()));
        assertThat(retried.path("retried").asBoolean()).isFalse();
        JsonNode parkedAgain = deadLetter(key);
        assertThat(parkedAgain).as("still parked after a failed retry").isNotNull();
        assertThat(parkedAgain.path("id").asText()).isEqualTo(id);
        assertThat(parkedAgain.path("last_touched").asText()).isNotBlank();
        assertThat(parkedAgain.path("diagnostics").path("retries").asInt()).isEqualTo(1);
        assertThat(parkedAgain.path("diagnostics").path("last_retry_cause").asText())
                .contains("UndecodableActivityException");

        mvc.perform(delete(API + "/dead-letters/" + group + "/" + id).with(admin())).andExpect(status().isNoContent());

        assertThat(deadLetter(key)).as("evicted").isNull();
        mvc.perform(delete(API + "/dead-letters/" + group + "/" + id).with(admin())).andExpect(status().isNotFound());
    }

    @Test
    void aParkedRecordThatIsAnEventNowGoesBackToTheProjectionOnRetry() throws Exception {
        UUID user = UUID.randomUUID();
        park(user);
        String id = awaitDeadLetter(user.toString()).path("id").asText();

        JsonNode retried = json(mvc.perform(post(API + "/dead-letters/" + group + "/" + id + "/retry").with(admin()))
                .andExpect(status().isOk()));

        assertThat(retried.path("retried").asBoolean()).isTrue();
        awaitValue(() -> distinctEvents(user), 1, Duration.ofSeconds(30));
        assertThat(deadLetter(user.toString())).as("no longer parked").isNull();
    }

    @Test
    void retryingAllSendsBackWhatIsAnEventAndKeepsTheRest() throws Exception {
        UUID user = UUID.randomUUID();
        park(user);
        String poison = "poison-" + UUID.randomUUID();
        kafka.send(new ProducerRecord<>(topic, poison, "not an event".getBytes(StandardCharsets.UTF_8))).get();
        awaitDeadLetter(user.toString());
        awaitDeadLetter(poison);

        JsonNode outcome = json(mvc.perform(post(API + "/dead-letters/" + group + "/retry").with(admin()))
                .andExpect(status().isOk()));

        assertThat(outcome.path("retried").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(outcome.path("failed").asInt()).isGreaterThanOrEqualTo(1);
        awaitValue(() -> distinctEvents(user), 1, Duration.ofSeconds(30));
        assertThat(deadLetter(user.toString())).isNull();
        assertThat(deadLetter(poison)).isNotNull();
    }

    @Test
    void theOperationsApiIsForAdminsOnly() throws Exception {
        mvc.perform(get(API + "/processors")).andExpect(status().isUnauthorized());
        mvc.perform(get(API + "/dead-letters/" + group)).andExpect(status().isUnauthorized());
        RequestPostProcessor user = jwt().jwt(token -> token.subject(UUID.randomUUID().toString()))
                .authorities(new SimpleGrantedAuthority("ROLE_user"));
        mvc.perform(get(API + "/processors").with(user)).andExpect(status().isForbidden());
        mvc.perform(get(API + "/dead-letters/" + group).with(user)).andExpect(status().isForbidden());
        mvc.perform(delete(API + "/dead-letters/" + group + "/0-0").with(user)).andExpect(status().isForbidden());
        mvc.perform(post(API + "/dead-letters/" + group + "/retry").with(user)).andExpect(status().isForbidden());
    }

    /**
     * Puts a well-formed event straight on the dead-letter topic, as the projection of an older version would have
     * parked an event of a type it did not know yet.
     */
    private void park(UUID user) throws Exception {
        ProducerRecord<String, byte[]> event = codec.converter().createKafkaMessage(GenericEventMessage.asEventMessage(
                new ViewProgressed(UUID.randomUUID(), user, UUID.randomUUID(), Instant.now(), 60, 600)), topic + ".dlt");
        event.headers().add(KafkaHeaders.DLT_EXCEPTION_FQCN,
                "dev.cinema.ugc.kafka.ActivityCodec$UndecodableActivityException".getBytes(StandardCharsets.UTF_8));
        event.headers().add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, "unknown type".getBytes(StandardCharsets.UTF_8));
        kafka.send(event).get();
    }

    private JsonNode processor() throws Exception {
        JsonNode processors = json(mvc.perform(get(API + "/processors").with(admin())).andExpect(status().isOk()));
        assertThat(processors).hasSize(1);
        return processors.get(0);
    }

    private static RequestPostProcessor admin() {
        return jwt().jwt(token -> token.subject(UUID.randomUUID().toString()))
                .authorities(new SimpleGrantedAuthority("ROLE_admin"));
    }

    private JsonNode awaitDeadLetter(String key) throws Exception {
        return await(() -> deadLetter(key), letter -> letter != null, "a dead letter with key " + key);
    }

    /** The open dead letter whose record has this key, or null; reads every page. */
    private JsonNode deadLetter(String key) throws Exception {
        int limit = 500;
        for (int offset = 0; ; offset += limit) {
            MockHttpServletRequestBuilder page = get(API + "/dead-letters/" + group)
                    .param("offset", Integer.toString(offset)).param("limit", Integer.toString(limit)).with(admin());
            MvcResult result = mvc.perform(page).andExpect(status().isOk()).andReturn();
            JsonNode letters = json.readTree(result.getResponse().getContentAsByteArray());
            for (JsonNode letter : letters) {
                if (key.equals(letter.path("sequence").asText())) {
                    return letter;
                }
            }
            if (letters.size() < limit) {
                return null;
            }
        }
    }

    private JsonNode json(ResultActions actions) throws Exception {
        return json.readTree(actions.andReturn().getResponse().getContentAsByteArray());
    }

    private static JsonNode await(Callable<JsonNode> read, Predicate<JsonNode> done, String what)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = read.call();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("waited 30 s for " + what + "; last seen " + last);
    }
}
