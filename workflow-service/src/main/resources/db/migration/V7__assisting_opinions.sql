-- Assisting departments (协办处室) answer the undertaking department in writing, due one month after distribution.
ALTER TABLE handling_case ADD COLUMN assisting_opinions_due date;

CREATE TABLE assisting_opinion (
    id            uuid          PRIMARY KEY,
    case_id       uuid          NOT NULL REFERENCES handling_case (id),
    department    varchar(100)  NOT NULL,
    content       text          NOT NULL,
    due_on        date          NOT NULL,
    on_time       boolean       NOT NULL,
    submitted_by  varchar(200)  NOT NULL,
    submitted_at  timestamptz   NOT NULL,
    CONSTRAINT uq_assisting_opinion UNIQUE (case_id, department)
);
