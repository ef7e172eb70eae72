package dev.cinema.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Projects the event store into Elasticsearch and serves the content API from there. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QuerySideApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
