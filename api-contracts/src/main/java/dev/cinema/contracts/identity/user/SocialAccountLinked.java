package dev.cinema.contracts.identity.user;

import java.util.UUID;

public record SocialAccountLinked(UUID userId, String provider, String subject) {}
