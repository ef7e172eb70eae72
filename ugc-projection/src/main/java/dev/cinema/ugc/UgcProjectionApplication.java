package dev.cinema.ugc;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * User-generated content: accepts user-activity events, publishes them to Kafka, projects them in batches into
 * ClickHouse and serves analytics. Kafka and ClickHouse may be down when it starts: it starts anyway, reports
 * them DOWN in its health, and finishes its set-up (topics, DDL) as soon as they answer.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class UgcProjectionApplication {

    /** UTC wall clock: event times are checked against it and analytics days are UTC days. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication.run(UgcProjectionApplication.class, args);
    }
}
