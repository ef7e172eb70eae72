package dev.cinema.ugc.analytics;

import dev.cinema.kit.web.ProblemDetailsAdvice.InvalidFieldException;
import dev.cinema.ugc.analytics.Analytics.Bookmark;
import dev.cinema.ugc.analytics.Analytics.ContinueWatching;
import dev.cinema.ugc.analytics.Analytics.TopFilm;
import dev.cinema.ugc.analytics.Analytics.TopMetric;
import dev.cinema.ugc.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Audience figures from the ClickHouse read models; days are UTC days. */
@RestController
@RequestMapping("/ugc/api/v1")
@SecurityRequirement(name = "bearer")
public class AnalyticsController {

    private static final Pattern PERIOD = Pattern.compile("(\\d{1,3})d");
    private static final int MAX_DAYS = 366;

    private final Analytics analytics;
    private final Clock clock;

    public AnalyticsController(Analytics analytics, Clock clock) {
        this.analytics = analytics;
        this.clock = clock;
    }

    @Operation(summary = "A film's views, unique viewers, completions, average progress, rating and bookmarks",
            description = "from/to: ISO dates, inclusive; default the last 30 days up to today.")
    @GetMapping("/films/{id}/stats")
    public FilmStats stats(@PathVariable UUID id,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        LocalDate start = from == null ? end.minusDays(29) : from;
        if (start.isAfter(end)) {
            throw new InvalidFieldException("from", "must not be after to");
        }
        return analytics.filmStats(id, start, end);
    }

    @Operation(summary = "The films with most views, unique_viewers or completions over the last N days (period=7d)")
    @GetMapping("/films/top")
    public List<TopFilm> top(@RequestParam(defaultValue = "7d") String period,
                             @RequestParam(defaultValue = "views") String metric,
                             @RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit) {
        Matcher days = PERIOD.matcher(period);
        if (!days.matches() || Integer.parseInt(days.group(1)) < 1 || Integer.parseInt(days.group(1)) > MAX_DAYS) {
            throw new InvalidFieldException("period", "must be a number of days from 1d to " + MAX_DAYS + "d");
        }
        TopMetric ranked;
        try {
            ranked = TopMetric.valueOf(metric.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("metric", "must be one of views, unique_viewers, completions");
        }
        return analytics.top(ranked, Integer.parseInt(days.group(1)), LocalDate.now(clock), limit);
    }

    @Operation(summary = "Films the signed-in user started and has not finished (under 90%), latest first")
    @GetMapping("/users/me/continue-watching")
    public List<ContinueWatching> continueWatching(@AuthenticationPrincipal Jwt token,
                                                   @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return analytics.continueWatching(CurrentUser.id(token), limit);
    }

    @Operation(summary = "The signed-in user's current bookmarks, latest first")
    @GetMapping("/users/me/bookmarks")
    public List<Bookmark> bookmarks(@AuthenticationPrincipal Jwt token,
                                    @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return analytics.bookmarks(CurrentUser.id(token), limit);
    }
}
