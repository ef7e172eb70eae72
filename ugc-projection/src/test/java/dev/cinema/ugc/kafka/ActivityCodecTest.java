package dev.cinema.ugc.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cinema.contracts.ugc.RatingGiven;
import dev.cinema.contracts.ugc.UserActivity;
import dev.cinema.ugc.IntegrationTest;
import dev.cinema.ugc.kafka.ActivityCodec.UndecodableActivityException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The topic's format as the projection reads it: events come back whole; anything else is undecodable. */
class ActivityCodecTest extends IntegrationTest {

    @Autowired
    ActivityCodec codec;

    private final RatingGiven rating = new RatingGiven(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
            Instant.now().truncatedTo(ChronoUnit.MILLIS), 7);

    @Test
    void anEventComesBackAsItWasPublishedKeyedByItsUser() {
        ProducerRecord<String, byte[]> published = publish(rating);

        assertThat(published.key()).isEqualTo(rating.userId().toString());
        assertThat(codec.decode(consumed(published.value(), published.headers()))).isEqualTo(rating);
    }

    @Test
    void aRecordWithoutAxonHeadersIsUndecodable() {
        assertThatThrownBy(() -> codec.decode(consumed(publish(rating).value(), new RecordHeaders())))
                .isInstanceOf(UndecodableActivityException.class).hasMessageStartingWith("not an Axon event message");
    }

    @Test
    void aClassOtherThanAnEventIsNeverInstantiated() {
        ProducerRecord<String, byte[]> published = publish(rating);
        published.headers().remove("axon-message-type");
        published.headers().add("axon-message-type", "java.net.URL".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> codec.decode(consumed(published.value(), published.headers())))
                .isInstanceOf(UndecodableActivityException.class)
                .hasMessage("not a user-activity event: java.net.URL");
    }

    @Test
    void aPayloadThatIsNotTheNamedEventIsUndecodable() {
        Headers headers = publish(rating).headers();

        assertThatThrownBy(() -> codec.decode(consumed("{\"score\": \"ten\"}".getBytes(StandardCharsets.UTF_8), headers)))
                .isInstanceOf(UndecodableActivityException.class)
                .hasMessageStartingWith("payload unreadable as " + RatingGiven.class.getName());
        assertThatThrownBy(() -> codec.decode(consumed(("{\"event_id\": \"" + UUID.randomUUID() + "\", \"score\": 3}")
                .getBytes(StandardCharsets.UTF_8), headers)))
                .isInstanceOf(UndecodableActivityException.class)
                .hasMessage("event_id, user_id, film_id and occurred_at are required");
    }

    private ProducerRecord<String, byte[]> publish(UserActivity event) {
        return codec.converter().createKafkaMessage(GenericEventMessage.asEventMessage(event), topic);
    }

    private ConsumerRecord<String, byte[]> consumed(byte[] value, Headers headers) {
        return new ConsumerRecord<>(topic, 0, 0L, 0L, TimestampType.CREATE_TIME, -1, -1, "key", value, headers,
                Optional.empty());
    }
}
