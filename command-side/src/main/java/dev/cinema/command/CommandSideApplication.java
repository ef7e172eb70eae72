package dev.cinema.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class CommandSideApplication {

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(CommandSideApplication.class, args);
        if (context.getEnvironment().containsProperty("cinema.cli")) {
            // A one-off command (cinema.cli=superuser): its runner has run, so stop Axon's and Redisson's threads.
            System.exit(SpringApplication.exit(context));
        }
    }
}
