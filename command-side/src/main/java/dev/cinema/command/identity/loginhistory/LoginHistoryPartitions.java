package dev.cinema.command.identity.loginhistory;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code login_history} partitions ready ahead of time: at startup and daily, for the current month and
 * the next {@code months-ahead}. Under a Redisson lock so that several instances do not race on the DDL.
 */
@Component
class LoginHistoryPartitions {

    private static final Logger log = LoggerFactory.getLogger(LoginHistoryPartitions.class);

    private final JdbcClient jdbc;
    private final RedissonClient redisson;
    private final int monthsAhead;

    LoginHistoryPartitions(JdbcClient jdbc, RedissonClient redisson,
                           @Value("${cinema.login-history.months-ahead:2}") int monthsAhead) {
        this.jdbc = jdbc;
        this.redisson = redisson;
        this.monthsAhead = monthsAhead;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "${cinema.login-history.partition-cron:0 17 3 * * *}")
    void createAhead() {
        RLock lock = redisson.getLock("cinema:login-history:partitions");
        try {
            // Another instance holding the lock is doing the same work: skip rather than wait.
            if (!lock.tryLock(0, 5, TimeUnit.MINUTES)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            LocalDate month = LocalDate.now().withDayOfMonth(1);
            for (int i = 0; i <= monthsAhead; i++) {
                jdbc.sql("SELECT create_login_history_partition(?)").param(month.plusMonths(i)).query().singleRow();
            }
            log.info("login_history partitions ready through {}", month.plusMonths(monthsAhead));
        } finally {
            // The lease may have run out on a very slow database; then the lock is no longer ours to release.
            if (lock.isHeldByCurrentThread()) {
                lock.unlock();
            }
        }
    }
}
