-- Identity read side owned by the command side. The tables are written by subscribing event processors in the
-- same transaction as the events, so the unique indexes below reject a duplicate before any event is stored.

CREATE TABLE identity_user (
    id            UUID         NOT NULL PRIMARY KEY,
    email         VARCHAR(320) NOT NULL,
    password_hash VARCHAR(255),              -- null for accounts made through OAuth
    first_name    VARCHAR(255),
    last_name     VARCHAR(255),
    active        BOOLEAN      NOT NULL DEFAULT TRUE,
    superuser     BOOLEAN      NOT NULL DEFAULT FALSE,
    registered_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX identity_user_email_key ON identity_user (lower(email));

CREATE TABLE identity_social_account (
    provider VARCHAR(32)  NOT NULL,
    subject  VARCHAR(255) NOT NULL,
    user_id  UUID         NOT NULL REFERENCES identity_user (id),
    PRIMARY KEY (provider, subject)
);

CREATE TABLE identity_role (
    id          UUID         NOT NULL PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    description TEXT
);
CREATE UNIQUE INDEX identity_role_name_key ON identity_role (lower(name));

CREATE TABLE identity_permission (
    id          UUID         NOT NULL PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    description TEXT
);
CREATE UNIQUE INDEX identity_permission_name_key ON identity_permission (lower(name));

CREATE TABLE identity_role_permission (
    role_id       UUID NOT NULL REFERENCES identity_role (id) ON DELETE CASCADE,
    permission_id UUID NOT NULL REFERENCES identity_permission (id) ON DELETE CASCADE,
    PRIMARY KEY (role_id, permission_id)
);

-- Deleting a role removes the grants, never the users.
CREATE TABLE identity_user_role (
    user_id UUID NOT NULL REFERENCES identity_user (id),
    role_id UUID NOT NULL REFERENCES identity_role (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, role_id)
);
CREATE INDEX identity_user_role_role_idx ON identity_user_role (role_id);

-- One row per login session (a refresh-token family). Only the newest refresh token of a family is valid;
-- presenting an older one is a replay and revokes the family. The newest access token's jti is kept so that
-- logout-all can put it on the deny-list.
CREATE TABLE identity_session (
    family_id          UUID        NOT NULL PRIMARY KEY,
    user_id            UUID        NOT NULL REFERENCES identity_user (id),
    refresh_jti        UUID        NOT NULL,
    access_jti         UUID        NOT NULL,
    access_expires_at  TIMESTAMPTZ NOT NULL,
    expires_at         TIMESTAMPTZ NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at         TIMESTAMPTZ
);
CREATE INDEX identity_session_user_idx ON identity_session (user_id) WHERE revoked_at IS NULL;
