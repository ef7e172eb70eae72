package dev.cinema.ugc.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Health {@code kafka}: {@code describeCluster()} with a short timeout on one long-lived admin client (made on
 * first use, so a broker or a DNS name that is not there at boot is no problem; it reconnects by itself), with
 * the cluster id and node count. DOWN as well while the application's topics have not been created.
 */
@Component("kafkaHealthIndicator") // the health component's name is the bean name without the suffix
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private final KafkaAdmin kafkaAdmin;
    private final KafkaTopics topics;
    private final UgcKafkaProperties properties;
    private Admin client;
    private boolean closed;

    public KafkaHealthIndicator(KafkaAdmin kafkaAdmin, KafkaTopics topics, UgcKafkaProperties properties) {
        super("Kafka health check failed");
        this.kafkaAdmin = kafkaAdmin;
        this.topics = topics;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        long timeoutMs = properties.healthTimeout().toMillis();
        DescribeClusterResult cluster = client().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeoutMs));
        String clusterId;
        Collection<Node> nodes;
        try {
            clusterId = cluster.clusterId().get(timeoutMs, TimeUnit.MILLISECONDS);
            nodes = cluster.nodes().get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Say which servers did not answer rather than a bare "TimeoutException: null".
            builder.down().withDetail("bootstrapServers", kafkaAdmin.getConfigurationProperties()
                            .get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG))
                    .withDetail("error", e instanceof TimeoutException
                            ? "no answer within " + timeoutMs + " ms"
                            : String.valueOf(e.getCause()));
            return;
        }
        builder.withDetail("clusterId", clusterId).withDetail("nodes", nodes.size());
        if (topics.ready()) {
            builder.up().withDetail("topic", properties.topic());
        } else {
            builder.down().withDetail("topic", properties.topic() + " not created yet: " + topics.pendingReason());
        }
    }

    private synchronized Admin client() {
        if (closed) {
            throw new IllegalStateException("shutting down");
        }
        if (client == null) {
            Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, "ugc-projection-health");
            int timeoutMs = (int) properties.healthTimeout().toMillis();
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
            // While the broker is down this client keeps reconnecting (one WARN each time): not every second.
            config.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 1000);
            config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 10000);
            client = Admin.create(config);
        }
        return client;
    }

    @Override
    public synchronized void destroy() {
        closed = true;
        if (client != null) {
            client.close(Duration.ofSeconds(2));
            client = null;
        }
    }
}
