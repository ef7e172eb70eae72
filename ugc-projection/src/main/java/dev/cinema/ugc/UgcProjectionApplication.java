package dev.cinema.ugc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * User-generated content: accepts user-activity events, publishes them to Kafka, projects them in batches into
 * ClickHouse and serves analytics. Kafka and ClickHouse may be down when it starts: it starts anyway, reports
 * them DOWN in its health, and finishes its set-up (topics, DDL) as soon as they answer.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class UgcProjectionApplication {

    public static void main(String[] args) {
        SpringApplication.run(UgcProjectionApplication.class, args);
    }
}
