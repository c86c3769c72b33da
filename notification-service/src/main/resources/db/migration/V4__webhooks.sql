-- Other government systems subscribe to event types; every POST to them is signed with the subscription's secret.
CREATE TABLE webhook_subscription (
    id          uuid          PRIMARY KEY,
    name        varchar(100)  NOT NULL,
    url         varchar(2000) NOT NULL,
    event_types varchar(2000) NOT NULL,
    secret      varchar(200)  NOT NULL,
    enabled     boolean       NOT NULL,
    version     bigint        NOT NULL,
    created_at  timestamptz   NOT NULL,
    updated_at  timestamptz   NOT NULL
);
